package io.rawi.narration;

import io.rawi.book.Language;
import io.rawi.book.Paragraph;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A block's title tag (part of its cache key): the same as splitting the whole paragraph with {@code \s+}. */
class PlannerTitleTest {
    /** What the planner did before it stopped at the ninth word. */
    private static String bySplitting(Paragraph p) {
        String[] words = p.text().split("\\s+");
        String head = String.join(" ", Arrays.asList(words).subList(0, Math.min(8, words.length)));
        return p.id() + ": " + head + (words.length > 8 ? "…" : "");
    }

    private static Paragraph block(String text) {
        return new Paragraph("p0007", Paragraph.Kind.BODY, text, Language.ARABIC, List.of());
    }

    @Test
    void theFirstEightWordsAsSplittingGaveThem() {
        for (String text : List.of("", "كلمة", "واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية",
                "واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة", " leading space and\ttabs\r\nand lines",
                "a\u00a0no-break space is not \\s", "trailing   ", "   ", "1 2 3 4 5 6 7 8 \u000b9")) {
            assertEquals(bySplitting(block(text)), Planner.title(block(text)), text);
        }
        Random random = new Random(7);
        String alphabet = "اب ت\t\n\u00a0x\u2003\r\f\u000b.";
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(bySplitting(block(sb.toString())), Planner.title(block(sb.toString())), sb.toString());
        }
    }
}
