package io.rawi.audio;

import io.rawi.error.ProcessingException;

import java.nio.file.Path;

/** Writes processed PCM as an audio file. Implementations are thread-safe: paragraphs are encoded concurrently. */
public interface AudioEncoder {
    /** File extension without the dot: {@code mp3}. */
    String extension();

    /** The media type in the EPUB manifest: a core media type. */
    String mediaType();

    /** Encoder name and version, for the cache key and the files' tags. */
    String version();

    void encode(Processed audio, Tags tags, Path out) throws ProcessingException;
}
