package io.rawi.speech;

import java.util.ArrayList;
import java.util.List;

/** Builds marks for engines that report sentence spans only: words are apportioned by their length in letters. */
final class Marks {
    private Marks() {
    }

    /** A sentence mark over {@code [begin, end)} whose words share the span in proportion to their length. */
    static Mark apportioned(SpokenSentence sentence, long begin, long end) {
        List<Mark> words = new ArrayList<>();
        int total = sentence.words().stream().mapToInt(w -> weight(w.text())).sum();
        long at = begin;
        int done = 0;
        for (SpokenWord w : sentence.words()) {
            done += weight(w.text());
            long next = total == 0 ? end : begin + Math.round((end - begin) * (double) done / total);
            words.add(new Mark(w.id(), at, next, List.of(), true));
            at = next;
        }
        return new Mark(sentence.id(), begin, end, words, true);
    }

    private static int weight(String word) {
        return Math.max(1, (int) word.codePoints().filter(Character::isLetterOrDigit).count()) + 1;
    }
}
