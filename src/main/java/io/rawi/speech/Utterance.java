package io.rawi.speech;

import java.util.List;

/**
 * A paragraph's speech: 16-bit signed mono PCM at {@code sampleRate}, and where each sentence (and word) lies in it.
 *
 * @param unread the words the engine read with no vowel or three consonants in a row, by its own phonemes: for each
 *               word's id, its phonemes (only where the engine can tell: eSpeak NG in process, Arabic)
 */
public record Utterance(short[] pcm, int sampleRate, List<Mark> sentences, java.util.Map<String, String> unread) {
    public Utterance {
        sentences = List.copyOf(sentences);
        unread = java.util.Map.copyOf(unread);
    }

    public Utterance(short[] pcm, int sampleRate, List<Mark> sentences) {
        this(pcm, sampleRate, sentences, java.util.Map.of());
    }

    public long durationMillis() {
        return Math.round(pcm.length * 1000.0 / sampleRate);
    }
}
