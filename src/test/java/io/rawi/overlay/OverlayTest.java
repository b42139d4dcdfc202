package io.rawi.overlay;

import io.rawi.OverlayChecker;
import io.rawi.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Overlays made with the deterministic tone backend, whose timings are known exactly. */
class OverlayTest {
    @TempDir
    Path out;

    private Path convert(String sync) {
        TestSupport.cli("convert", TestSupport.sample().toString(), "-o", out.toString(), "--sync", sync,
                "--voices", TestSupport.fakeVoices().toString(), "--date", TestSupport.DATE).expect(0);
        Path epub = out.resolve("library-ar/library-ar.epub");
        TestSupport.assertValid(epub);
        return epub;
    }

    @ParameterizedTest
    @ValueSource(strings = {"paragraph", "sentence", "word"})
    void everyClipPointsAtTextAndLiesInsideItsAudio(String sync) throws Exception {
        List<OverlayChecker.Par> pars = OverlayChecker.check(convert(sync));
        String pattern = switch (sync) {
            case "paragraph" -> "(t|h|p)\\d+";
            case "sentence" -> "(t|h|p)\\d+s\\d+";
            default -> "(t|h|p)\\d+s\\d+w\\d+";
        };
        assertFalse(pars.isEmpty());
        pars.forEach(p -> assertTrue(p.textId().matches(pattern), p.toString()));
        assertTrue(pars.stream().anyMatch(p -> p.textId().startsWith("t01")), "the title page is narrated");
        assertFalse(pars.stream().anyMatch(p -> p.textId().startsWith("h01")),
                "the chapter heading repeats the title the title page spoke: it is not narrated again");
    }

    @Test
    void sentenceClipsFollowEachOtherWithoutGaps() throws Exception {
        List<OverlayChecker.Par> pars = OverlayChecker.check(convert("sentence"));
        for (int i = 1; i < pars.size(); i++) {
            OverlayChecker.Par a = pars.get(i - 1);
            OverlayChecker.Par b = pars.get(i);
            if (a.audio().equals(b.audio())) {
                assertEquals(a.endMs(), b.beginMs(), "no gap between " + a.textId() + " and " + b.textId());
            } else {
                assertEquals(250, b.beginMs(), "each file's first clip starts after the 250 ms lead-in");
            }
        }
    }

    @Test
    void wordClipsAreTheTonesExactly() throws Exception {
        List<OverlayChecker.Par> pars = OverlayChecker.check(convert("word"));
        pars.forEach(p -> assertEquals(300, p.endMs() - p.beginMs(), p + " is one 300 ms tone"));
    }

    @Test
    void severalInputsMakeOneBookWithAChapterEachInItsOwnLanguage() throws Exception {
        Path english = java.nio.file.Files.writeString(out.resolve("harbour.txt"),
                "The Quiet Harbour\n\nThe boats came in at dawn. Nobody said a word.\n");
        TestSupport.cli("convert", TestSupport.sample().toString(), english.toString(), "-o", out.toString(),
                "--voices", TestSupport.fakeVoices().toString(), "--title", "A week of articles", "--slug", "week")
                .expect(0);
        Path epub = out.resolve("week/week.epub");
        TestSupport.assertValid(epub);
        List<OverlayChecker.Par> pars = OverlayChecker.check(epub);
        assertTrue(pars.stream().anyMatch(p -> p.textId().startsWith("h01")), "a heading that is not the title is narrated");
        assertTrue(pars.stream().anyMatch(p -> p.textId().startsWith("h02")), "so is the second chapter's");
        var files = TestSupport.unzip(epub);
        String opf = TestSupport.text(files, "OEBPS/package.opf");
        assertTrue(opf.contains("<itemref idref=\"chapter-001\"/>") && opf.contains("<itemref idref=\"chapter-002\"/>"));
        assertTrue(opf.contains("page-progression-direction=\"rtl\""), "the book's language is the first input's");
        String second = TestSupport.text(files, "OEBPS/text/chapter-002.xhtml");
        assertTrue(second.contains("<html lang=\"en\" xml:lang=\"en\" dir=\"ltr\""), second);
        assertTrue(second.contains("<h1 id=\"h02\"><span id=\"h02s01\">The Quiet Harbour</span></h1>"), second);
        assertTrue(TestSupport.text(files, "OEBPS/nav.xhtml").contains(">The Quiet Harbour</a>"));
    }

    @Test
    void textOnlyBooksCarryNoOverlayMetadata() throws Exception {
        TestSupport.cli("convert", TestSupport.sample().toString(), "-o", out.toString(), "--no-audio").expect(0);
        String opf = TestSupport.text(TestSupport.unzip(out.resolve("library-ar/library-ar.epub")), "OEBPS/package.opf");
        assertFalse(opf.contains("media:"), opf);
        assertFalse(opf.contains("auditory"), opf);
        assertFalse(opf.contains("synchronizedAudioText"), opf);
    }

    @Test
    void clockValuesHaveThreeDecimals() {
        assertEquals("0:00:00.000", ClockValue.of(0));
        assertEquals("1:02:03.004", ClockValue.of(3_723_004));
        assertThrows(IllegalArgumentException.class, () -> ClockValue.of(-1));
    }
}
