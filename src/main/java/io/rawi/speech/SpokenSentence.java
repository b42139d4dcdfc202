package io.rawi.speech;

import java.util.List;

/** A sentence as it will be spoken: its id and its words; only words with something to say are listed. */
public record SpokenSentence(String id, List<SpokenWord> words) {
    public SpokenSentence {
        words = List.copyOf(words);
    }

    /** The words joined by spaces: the text the engine is given. */
    public String text() {
        return String.join(" ", words.stream().map(SpokenWord::text).toList());
    }
}
