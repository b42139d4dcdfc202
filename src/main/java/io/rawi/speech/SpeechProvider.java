package io.rawi.speech;

/**
 * A speech backend, found with {@link java.util.ServiceLoader} (one line in
 * {@code META-INF/services/io.rawi.speech.SpeechProvider}). Providers are stateless; {@link #open} gives an engine
 * per job.
 *
 * <pre>{@code
 * for (SpeechProvider p : ServiceLoader.load(SpeechProvider.class)) System.out.println(p.id() + " " + p.probe());
 * }</pre>
 */
public interface SpeechProvider {
    /** The id used by {@code --backend} and in voice files: {@code espeak}, {@code freetts}, {@code command}. */
    String id();

    /** Whether the backend can work here, and if not, why and what to install. Cheap; may be called often. */
    Probe probe();

    /**
     * Prepares for a conversion: does the slow part of starting, such as loading a native library, and drops what the
     * backend kept from earlier conversions in this process (the background server converts many), so that a book
     * does not depend on them. The conversion calls it in the background while the text is read, and waits for it
     * before narrating. Never throws; a failure shows in {@link #probe}.
     */
    default void warmUp() {
    }

    /**
     * Opens an engine for {@code voice}.
     *
     * @throws SpeechException when the backend is unavailable or cannot use the voice
     */
    SpeechEngine open(VoiceDefinition voice) throws SpeechException;
}
