package io.rawi.clean;

import io.rawi.TestSupport;
import io.rawi.book.Language;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quick tests that let the pattern rules skip a paragraph never skip one that the pattern would change: on the
 * articles and on random paragraphs made of every character some rule looks at, each rule's edits are the same with
 * the quick test as without it.
 */
class QuickTestTest {
    private static final CleanOptions AR = new CleanOptions(Language.ARABIC, CleanOptions.Digits.KEEP);
    /** Characters (and pieces) some rule looks for, and ordinary Arabic and Latin around them. */
    private static final String[] PIECES = {
        "و", " ", "  ", "ا", "ل", "م", "ن", "ه", "س", "\u0654", "\u064E", "\u0651", "\u0640", "\u0640\u0640", "a", "Z",
        "1", "٣", ",", ";", "?", "،", "؛", "؟", ":", ".", "!", "\"", "«", "»", "“", "”", "(", "&", "&amp;", "&quot;",
        "&#1575;", "&#x627;", "&bogus;", "\t", "\f", "\u000B", "\u00A0", "\u1680", "\u2003", "\u202F", "\u205F",
        "\u3000", "\u200B", "\u200C", "\u200D", "\u200E", "\u202B", "\u2067", "\u061C", "\uFEFF", "\u00AD", "\u0001",
        "\u001F", "\u0085", "\uFE8D", "\uFEDF", "\uFDF2", "\u0627\u0653", "e\u0301", "\u1100\u1161", "\uD83D\uDE00",
        "و ال", "هـ", "ـه",
    };

    @Test
    void quickTestsSkipOnlyParagraphsThatNoPatternWouldChange() throws Exception {
        List<String> paragraphs = new ArrayList<>(Files.readAllLines(TestSupport.seed()));
        paragraphs.addAll(Files.readAllLines(TestSupport.sample()));
        Random random = new Random(42);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int i = 0; i < n; i++) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            paragraphs.add(sb.toString());
        }
        int rules = 0;
        int changed = 0;
        for (Rule rule : Rules.standard()) {
            if (!(rule instanceof ParagraphRule.PatternRule p)) {
                continue;
            }
            rules++;
            for (String text : paragraphs) {
                List<Edit> every = p.everyEdit(text);
                assertEquals(every, p.edits(text, AR), rule.id() + " skipped «" + text + "»");
                changed += every.isEmpty() ? 0 : 1;
            }
        }
        assertEquals(10, rules, "the pattern rules");
        assertTrue(changed > 10_000, "the random paragraphs give every rule work: " + changed);
    }
}
