package io.rawi.it;

import io.rawi.EpubFixtures;
import io.rawi.OverlayChecker;
import io.rawi.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5's books, narrated by the real engines: a web article with page chrome and scripts, an EPUB 2, a
 * right-to-left EPUB 3, a Markdown file, and a batch of three inputs in three languages. Each must pass EPUBCheck with
 * no error and no warning, have overlays that match its audio, and have no DAISY Ace violation.
 */
class InputsIT {
    private static final Path INPUTS = Path.of("src/test/resources/inputs");

    @TempDir
    Path out;

    private Path convert(String slug, String... inputsAndOptions) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("convert"));
        args.addAll(List.of(inputsAndOptions));
        args.addAll(List.of("-o", out.toString(), "--slug", slug, "--validate"));
        TestSupport.Run run = TestSupport.cli(args.toArray(String[]::new)).expect(0);
        assertTrue(run.out().contains("EPUBCheck 5.3.0: 0 fatal, 0 errors, 0 warnings"), run.out());
        Path epub = out.resolve(slug).resolve(slug + ".epub");
        TestSupport.assertValid(epub);
        List<OverlayChecker.Par> pars = OverlayChecker.check(epub);
        assertFalse(pars.isEmpty(), "narrated");
        Path input = Path.of(inputsAndOptions[0]);
        if (input.toString().endsWith(".epub") && EpubFixtures.isEpub3(input)) {
            // an EPUB 3 book keeps the publisher's own accessibility metadata: rawi adds no violation it lacked
            java.util.Set<String> before = ace(input, false);
            java.util.Set<String> after = ace(epub, false);
            after.removeAll(before);
            assertEquals(java.util.Set.of(), after, "Ace violations the input did not have");
        } else {
            ace(epub, true);
        }
        return epub;
    }

    /** Ace's violations of {@code epub} as "rule in file"; with {@code none}, asserts there are none. */
    private java.util.Set<String> ace(Path epub, boolean none) throws Exception {
        io.rawi.Ace.Report report = io.rawi.Ace.check(epub, out.resolve("ace-" + epub.getFileName() + "-"
                + System.nanoTime()));
        if (none) {
            assertEquals(0, report.exitCode(), epub + ": Ace found violations (or could not run):\n" + report.text());
            assertTrue(report.text().contains("ace: 0 violation(s)"), report.text());
        }
        return report.violations();
    }

    /**
     * Issue 16's separator file, and lines holding only a dash, a zero-width space or a byte order mark: narrated,
     * valid, the separators shown as scene breaks and every such line reported, none of them an error.
     */
    @Test
    void separatorsAndInvisibleLinesAreNotErrors() throws Exception {
        Path sep = out.resolve("sep.txt");
        Files.writeString(sep, "هذه فقرة أولى.\n* * *\nوهذه فقرة ثانية.\n—\n\u200B\nوهذه فقرة ثالثة.\n\uFEFF\n"
                + "وهذه فقرة رابعة.\n", StandardCharsets.UTF_8);
        Path epub = convert("sep", sep.toString());
        String chapter = TestSupport.text(TestSupport.unzip(epub), "OEBPS/text/chapter-001.xhtml");
        assertEquals(2, chapter.split("<hr class=\"scene-break\"", -1).length - 1, "'* * *' and the dash: " + chapter);
        for (String said : List.of("ثانية", "ثالثة", "رابعة")) {
            assertTrue(chapter.contains(said), said + " in " + chapter);
        }
        String report = Files.readString(out.resolve("sep").resolve("cleaning.json"), StandardCharsets.UTF_8);
        assertEquals(4, report.split("\"empty-block\"", -1).length - 1, "each line with nothing to say: " + report);
    }

    @Test
    void webArticleWithChromeAndScripts() throws Exception {
        Path epub = convert("news", INPUTS.resolve("news-ar.html").toString());
        Map<String, byte[]> files = TestSupport.unzip(epub);
        String chapter = TestSupport.text(files, "OEBPS/text/chapter-001.xhtml");
        for (String bad : List.of("<script", "<iframe", "<form", "onload", "javascript:", "<style", "إعلان")) {
            assertFalse(chapter.contains(bad), bad);
        }
        assertTrue(chapter.contains("<h2 id=\"p0004\">"), chapter);
        assertTrue(chapter.contains("<ul>") && chapter.contains("<blockquote>") && chapter.contains("<figure>"), chapter);
        String opf = TestSupport.text(files, "OEBPS/package.opf");
        assertTrue(opf.contains("<dc:creator id=\"creator1\">ليلى منصور</dc:creator>"), opf);
        assertTrue(opf.contains("<dc:date>2025-04-02</dc:date>"), opf);
        assertTrue(opf.contains("without a text alternative"), "the summary says an image has no alt text");
        assertTrue(files.keySet().stream().filter(n -> n.startsWith("OEBPS/audio/")).count() >= 14);
    }

    @Test
    void epub2() throws Exception {
        Path in = EpubFixtures.write(out.resolve("lighthouse.epub"), EpubFixtures.epub2());
        Path epub = convert("lighthouse", in.toString(), "--sync", "word");
        Map<String, byte[]> files = TestSupport.unzip(epub);
        assertTrue(TestSupport.text(files, "OEBPS/package.opf").contains("media-overlay=\"smil-in-ch1\""));
        assertTrue(TestSupport.text(files, "OEBPS/smil/in-ch1.smil").contains("#p0002s01w01"), "word overlays");
    }

    @Test
    void rtlEpub3() throws Exception {
        Path in = EpubFixtures.write(out.resolve("letters.epub"), EpubFixtures.epub3Rtl());
        Path epub = convert("letters", in.toString());
        Map<String, byte[]> files = TestSupport.unzip(epub);
        String smil = TestSupport.text(files, "OEBPS/rawi/smil/c1.smil");
        assertTrue(smil.contains("../../c1.xhtml#p0004s02"), smil);
        assertTrue(TestSupport.text(files, "OEBPS/content.opf").contains("page-progression-direction=\"rtl\""));
        assertTrue(TestSupport.text(files, "OEBPS/c3.xhtml").contains("lang=\"en\" xml:lang=\"en\" dir=\"ltr\""));
        String timings = Files.readString(out.resolve("letters/timings.json"));
        assertTrue(timings.contains("ar-espeak") && timings.contains("en-freetts"),
                "each document is spoken in its own language: " + timings);
    }

    @Test
    void markdown() throws Exception {
        Path epub = convert("guide", INPUTS.resolve("guide.md").toString());
        String nav = TestSupport.text(TestSupport.unzip(epub), "OEBPS/nav.xhtml");
        assertTrue(nav.contains(">Keeping it going</a>") && nav.contains(">When books go missing</a>"), nav);
    }

    @Test
    void batchOfThreeLanguages() throws Exception {
        Path epub = convert("batch", INPUTS.resolve("guide.md").toString(), INPUTS.resolve("garden-fa.html").toString(),
                TestSupport.sample().toString(), "--title", "Three ways to read");
        Map<String, byte[]> files = TestSupport.unzip(epub);
        assertTrue(TestSupport.text(files, "OEBPS/text/chapter-001.xhtml").contains("lang=\"en\""));
        assertTrue(TestSupport.text(files, "OEBPS/text/chapter-003.xhtml").contains("lang=\"fa\" xml:lang=\"fa\" dir=\"rtl\""));
        assertTrue(TestSupport.text(files, "OEBPS/text/chapter-004.xhtml").contains("lang=\"ar\" xml:lang=\"ar\" dir=\"rtl\""));
        String timings = Files.readString(out.resolve("batch/timings.json"));
        assertTrue(timings.contains("fa-espeak") && timings.contains("ar-espeak") && timings.contains("en-freetts"),
                "each chapter is spoken by a voice for its language");
    }

    @Test
    void eachInputItsOwnBook() {
        TestSupport.Run run = TestSupport.cli("convert", INPUTS.resolve("guide.md").toString(),
                INPUTS.resolve("blog-en.html").toString(), TestSupport.sample().toString(), "--each", "--no-audio",
                "-o", out.toString()).expect(0);
        for (String slug : List.of("guide", "blog-en", "library-ar")) {
            Path epub = out.resolve(slug).resolve(slug + ".epub");
            assertTrue(Files.isRegularFile(epub), slug + " in " + run.out());
            TestSupport.assertValid(epub);
        }
    }
}
