package io.rawi.speech;

import java.util.List;

/**
 * A paragraph's speech: 16-bit signed mono PCM at {@code sampleRate}, and where each sentence (and word) lies in it.
 */
public record Utterance(short[] pcm, int sampleRate, List<Mark> sentences) {
    public Utterance {
        sentences = List.copyOf(sentences);
    }

    public long durationMillis() {
        return Math.round(pcm.length * 1000.0 / sampleRate);
    }
}
