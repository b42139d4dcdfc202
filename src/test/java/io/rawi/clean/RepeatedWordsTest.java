package io.rawi.clean;

import io.rawi.TestSupport;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scan for repeated words finds what the pattern it replaced found: same places, same text, same words; except
 * after a letter outside the Basic Multilingual Plane, which the pattern's look-behind saw as half a character.
 */
class RepeatedWordsTest {
    private static final Pattern AS_BEFORE =
            Pattern.compile("(?<![\\p{L}\\p{M}])([\\p{L}\\p{M}]+) +\\1(?![\\p{L}\\p{M}])");
    private static final String[] PIECES = {
        "في", "في", "من", "فيه", "ال", "و", " ", " ", "  ", "\u064E", "\u0651", "\u0301", "e", "E", "ab", "a", "1", "٣",
        "،", ".", "-", "«", "»", "\u200C", "\u00A0", "\t", "\uD83D\uDE00", "_",
    };

    private static List<String> asBefore(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = AS_BEFORE.matcher(text);
        while (m.find()) {
            found.add(m.start() + " " + m.group() + " " + m.group(1));
        }
        return found;
    }

    private static List<String> now(String text) {
        List<Finding> findings = new ArrayList<>();
        Rules.repeatedWords(text, "p0001", findings);
        List<String> found = new ArrayList<>();
        for (Finding f : findings) {
            String word = f.message().substring(f.message().indexOf('«') + 1, f.message().indexOf('»'));
            found.add(f.offset() + " " + f.text() + " " + word);
        }
        return found;
    }

    @Test
    void theSameFindingsAsThePattern() throws Exception {
        List<String> texts = new ArrayList<>(Files.readAllLines(TestSupport.seed()));
        texts.addAll(List.of("في في", "في  في في", "في فيه", "فيه في", "ab ab ab ab", "E e", "في\u064E في\u064E",
                "في في\u064E", "\uD835\uDC00 \uD835\uDC00", "", " ", "ال ال.", "x_x x"));
        Random random = new Random(7);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder sb = new StringBuilder();
            String last = "";
            for (int i = 1 + random.nextInt(10); i > 0; i--) {
                // often the same piece again after a space or two, so that there are repeats (and near misses)
                String piece = random.nextInt(3) == 0 ? " ".repeat(1 + random.nextInt(2)) + last
                        : PIECES[random.nextInt(PIECES.length)];
                sb.append(piece);
                last = piece.strip().isEmpty() ? last : piece.strip();
            }
            texts.add(sb.toString());
        }
        int found = 0;
        for (String t : texts) {
            List<String> expected = asBefore(t);
            assertEquals(expected, now(t), "«" + t + "»");
            found += expected.size();
        }
        assertTrue(found > 1_000, "the texts have repeated words to find: " + found);
    }

    /** 𝐀 (U+1D400) is a letter: «𝐀e e» has no word written twice, though the pattern found «e e» in it. */
    @Test
    void aLetterOutsideTheBasicPlaneIsPartOfItsWord() {
        assertEquals(List.of("2 e e e"), asBefore("\uD835\uDC00e e"));
        assertEquals(List.of(), now("\uD835\uDC00e e"));
        assertEquals(List.of("0 \uD835\uDC00 \uD835\uDC00 \uD835\uDC00"), now("\uD835\uDC00 \uD835\uDC00"));
    }
}
