package io.rawi.speech;

import java.util.List;

/**
 * Where a sentence or word lies in the synthesized audio, in samples: {@code [begin, end)}.
 *
 * @param words     the sentence's words (empty for a word mark)
 * @param estimated true when the engine gave no position and the span was apportioned by text length
 */
public record Mark(String id, long begin, long end, List<Mark> words, boolean estimated) {
    public Mark {
        words = List.copyOf(words);
        if (end < begin) {
            throw new IllegalArgumentException(id + ": ends (" + end + ") before it begins (" + begin + ")");
        }
    }
}
