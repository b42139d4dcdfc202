package io.rawi.speech;

/**
 * An engine opened for one voice and one conversion. Engines may be used from several threads; an engine whose
 * native library is not re-entrant serialises calls itself.
 */
public interface SpeechEngine extends AutoCloseable {
    /** The voice this engine speaks with. */
    VoiceDefinition voice();

    /**
     * Speaks a paragraph and reports where each sentence and, when the engine can, each word lies in the audio.
     *
     * @throws SpeechException when the engine fails, hangs past the request's timeout, or returns no audio
     */
    Utterance synthesize(SpeechRequest request) throws SpeechException;

    /**
     * Whether paragraphs may be spoken at the same time and in any order with the same result. Engines that keep
     * state between utterances, or that serialise calls anyway, say no, and are given paragraphs in reading order.
     */
    default boolean parallel() {
        return false;
    }

    /** Something that identifies the engine's build, so that cached audio is redone when it changes. */
    String version();

    @Override
    void close();
}
