package io.rawi.narration;

import io.rawi.audio.AudioProcessor;
import io.rawi.book.Language;
import io.rawi.book.Paragraph;
import io.rawi.book.Segmenter;
import io.rawi.error.BadInputException;
import io.rawi.speech.VoiceDefinition;
import io.rawi.speech.VoiceRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pause between two blocks grows with the break: paragraph < heading < chapter. */
class PausesTest {
    private static final VoiceDefinition.Pauses PAUSES = VoiceDefinition.Pauses.DEFAULT;

    private static Paragraph block(String id, Paragraph.Kind kind) {
        return Segmenter.paragraph(id, kind, "نص قصير.", Language.ARABIC);
    }

    private static int gap(Paragraph a, Paragraph b) {
        return Breaks.leadOut(a, b, PAUSES) + AudioProcessor.LEAD_IN_MS;
    }

    @Test
    void eachBreakHasItsPause() {
        Paragraph title = block("t01", Paragraph.Kind.TITLE);
        Paragraph author = block("t02", Paragraph.Kind.AUTHOR);
        Paragraph chapter = block("h01", Paragraph.Kind.HEADING);
        Paragraph p1 = block("p0001", Paragraph.Kind.BODY);
        Paragraph p2 = block("p0002", Paragraph.Kind.BODY);
        Paragraph section = block("p0003", Paragraph.Kind.HEADING);
        Paragraph next = block("h02", Paragraph.Kind.HEADING);
        assertEquals(1000, gap(title, author), "title to author: a paragraph's pause");
        assertEquals(2000, gap(author, chapter), "the title page ends: a chapter's");
        assertEquals(2000, gap(author, p1), "also when the chapter heading is not narrated");
        assertEquals(1500, gap(chapter, p1), "after a heading");
        assertEquals(1000, gap(p1, p2), "between paragraphs");
        assertEquals(1500, gap(p2, section), "before a section heading");
        assertEquals(1500, gap(section, p1));
        assertEquals(2000, gap(p2, next), "before the next chapter");
        assertTrue(gap(p1, p2) > 450, "longer than eSpeak NG's pause between sentences (0.31 to 0.45 s)");
    }

    @Test
    void voiceFilesSetThemInOrder(@TempDir Path dir) throws Exception {
        Path ok = Files.writeString(dir.resolve("a.properties"), "id=a\nlanguages=ar\nbackend=espeak\n"
                + "pause.paragraph=800\npause.heading=1200\npause.chapter=2500\n");
        assertEquals(new VoiceDefinition.Pauses(800, 1200, 2500), VoiceRegistry.parse(ok).pauses());
        Path bad = Files.writeString(dir.resolve("b.properties"), "id=b\nlanguages=ar\nbackend=espeak\n"
                + "pause.paragraph=1500\npause.heading=1000\n");
        BadInputException e = assertThrows(BadInputException.class, () -> VoiceRegistry.parse(bad));
        assertTrue(e.getMessage().contains("pauses must grow"), e.getMessage());
        Path plain = Files.writeString(dir.resolve("c.properties"), "id=c\nlanguages=ar\nbackend=espeak\n");
        assertEquals(VoiceDefinition.Pauses.DEFAULT, VoiceRegistry.parse(plain).pauses());
    }
}
