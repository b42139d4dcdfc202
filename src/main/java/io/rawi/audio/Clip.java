package io.rawi.audio;

import java.util.List;

/**
 * Where a sentence or word is heard in its paragraph's audio file: {@code [beginMs, endMs)}.
 *
 * @param words     the sentence's words; empty for a word
 * @param estimated true when the engine gave no word positions and they were apportioned by length
 */
public record Clip(String id, long beginMs, long endMs, List<Clip> words, boolean estimated) {
    public Clip {
        words = List.copyOf(words);
    }
}
