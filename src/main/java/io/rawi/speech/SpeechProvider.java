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
     * Does the slow part of starting, such as loading a native library, so that it can overlap other work; the
     * conversion calls it in the background while the text is read. Never throws; a failure shows in {@link #probe}.
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
