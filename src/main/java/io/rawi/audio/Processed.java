package io.rawi.audio;

import java.util.List;

/**
 * A paragraph's audio ready to encode: 16-bit mono PCM with the lead-in and lead-out silence in place, loudness
 * normalised, and the sentence clips in milliseconds.
 */
public record Processed(short[] pcm, int sampleRate, List<Clip> sentences) {
    public Processed {
        sentences = List.copyOf(sentences);
    }

    /** Duration in milliseconds, rounded. */
    public long durationMillis() {
        return Math.round(pcm.length * 1000.0 / sampleRate);
    }
}
