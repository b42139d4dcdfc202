package io.rawi.book;

import java.util.List;

/**
 * A sentence with its stable id ({@code p0001s01}), its span {@code [start, end)} in the paragraph text, and its
 * words in order.
 */
public record Sentence(String id, int start, int end, String text, List<Word> words) {
    public Sentence {
        words = List.copyOf(words);
    }
}
