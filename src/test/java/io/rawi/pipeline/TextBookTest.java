package io.rawi.pipeline;

import io.documentnode.epub4j.epub.EpubReader;
import io.rawi.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.rawi.TestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text-only books of every shape the tool makes, each through EPUBCheck. */
class TextBookTest {
    @TempDir
    Path out;

    private Path convert(Path input, String... extra) {
        // --sync needs narration (with --no-audio it is refused): the deterministic tone voices narrate then
        boolean narrated = java.util.List.of(extra).contains("--sync");
        String[] base = {"convert", input.toString(), narrated ? "--voices" : "--no-audio",
                narrated ? TestSupport.fakeVoices().toString() : "--quiet", "-o", out.toString(), "--date", TestSupport.DATE};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        TestSupport.Run r = TestSupport.cli(args).expect(0);
        Path epub = Path.of(r.out().lines().findFirst().orElseThrow());
        assertTrue(Files.isRegularFile(epub), r.out());
        TestSupport.assertValid(epub);
        return epub;
    }

    private Path article(String name, String text) throws Exception {
        Path p = out.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void theSeedBecomesARightToLeftArabicBook() throws Exception {
        Path epub = convert(TestSupport.seed());
        assertEquals(out.resolve("article-ar").resolve("article-ar.epub"), epub);
        assertTrue(Files.isRegularFile(out.resolve("article-ar/cleaning.json")));
        Map<String, byte[]> files = TestSupport.unzip(epub);
        String opf = text(files, "OEBPS/package.opf");
        assertTrue(opf.contains("xml:lang=\"ar\" dir=\"rtl\""), opf);
        assertTrue(opf.contains("<spine page-progression-direction=\"rtl\" toc=\"ncx\">"), opf);
        assertTrue(opf.contains("<dc:language>ar</dc:language>"));
        assertTrue(opf.contains("<meta property=\"dcterms:modified\">2025-01-15T10:20:30Z</meta>"));
        assertTrue(opf.contains("properties=\"cover-image\""), "a cover is drawn with an Arabic font");
        String chapter = text(files, "OEBPS/text/chapter-001.xhtml");
        assertTrue(chapter.contains("<html lang=\"ar\" xml:lang=\"ar\" dir=\"rtl\""));
        Matcher m = Pattern.compile("<p id=\"(p\\d{4})\"><span id=\"\\1s01\">").matcher(chapter);
        int paragraphs = 0;
        while (m.find()) {
            assertEquals(String.format("p%04d", ++paragraphs), m.group(1));
        }
        assertEquals(14, paragraphs, "one <p> per line of the seed, each with its id and sentence ids");
        assertTrue(chapter.contains("مجتمعنا، سبعة"));
        assertTrue(chapter.contains("والاقتصاد والأمن.»"));
        assertTrue(chapter.contains("«أذربيجان و“إسرائيل” لديهما"));
        assertFalse(chapter.contains("\"إسرائيل"), "no straight quotes are left");
        try (InputStream in = Files.newInputStream(epub)) {
            io.documentnode.epub4j.domain.Book read = new EpubReader().readEpub(in);
            assertTrue(read.getTitle().startsWith("تعتبر العلاقة"), read.getTitle());
            assertEquals(2, read.getSpine().size(), "title page and one chapter");
            assertEquals("ar", read.getMetadata().getLanguage());
        }
    }

    @Test
    void anEnglishArticleIsLeftToRight() throws Exception {
        Path epub = convert(article("english.txt", "A Quiet Harbour\n\nThe boats came in at dawn. Nobody said "
                + "\"hello\" to Dr. Smith, who owned 3.5 of them.\n\nIt was, as always, a fine day.\n"));
        String opf = text(TestSupport.unzip(epub), "OEBPS/package.opf");
        assertTrue(opf.contains("xml:lang=\"en\" dir=\"ltr\""));
        assertTrue(opf.contains("page-progression-direction=\"ltr\""));
        assertTrue(opf.contains("<dc:title id=\"title\">A Quiet Harbour</dc:title>"), opf);
        String chapter = text(TestSupport.unzip(epub), "OEBPS/text/chapter-001.xhtml");
        assertTrue(chapter.contains("“hello”"));
        assertTrue(chapter.contains("<span id=\"p0001s02\">Nobody said “hello” to Dr. Smith, who owned 3.5 of them.</span>"),
                chapter);
    }

    @Test
    void aHebrewArticleIsRightToLeft() throws Exception {
        Path epub = convert(article("hebrew.txt", "שלום לכולם. זהו מאמר קצר.\nפסקה שנייה כאן.\n"));
        Map<String, byte[]> files = TestSupport.unzip(epub);
        assertTrue(text(files, "OEBPS/package.opf").contains("xml:lang=\"he\" dir=\"rtl\""));
        assertTrue(text(files, "OEBPS/text/chapter-001.xhtml").contains("lang=\"he\" xml:lang=\"he\" dir=\"rtl\""));
    }

    @Test
    void englishInsideArabicIsMarkedAsEnglish() throws Exception {
        Path epub = convert(article("mixed.txt", "تقدم المكتبة شبكة Wi-Fi مجانية وبرنامج Open Source للقراءة.\n"),
                "--sync", "word");
        String chapter = text(TestSupport.unzip(epub), "OEBPS/text/chapter-001.xhtml");
        assertTrue(chapter.contains("<span lang=\"en\" xml:lang=\"en\" dir=\"ltr\">Wi-Fi</span>"), chapter);
        assertTrue(chapter.contains("<span lang=\"en\" xml:lang=\"en\" dir=\"ltr\">Open</span>"), chapter);
    }

    @Test
    void withoutAFontForTheTitleThereIsNoCoverAndANote() throws Exception {
        TestSupport.Run r = TestSupport.cli("convert", article("odd.txt", "A short article.\n").toString(),
                "--no-audio", "-o", out.toString(), "--title", "Unassigned \u0378 letter");
        r.expect(0);
        assertTrue(r.err().contains("no cover image: no installed font can draw the title"), r.err());
        Path epub = out.resolve("unassigned-letter/unassigned-letter.epub");
        TestSupport.assertValid(epub);
        assertFalse(TestSupport.unzip(epub).containsKey("OEBPS/images/cover.png"));
        assertTrue(io.rawi.epub.Cover.fontFor("مكتبة جديدة").isPresent(), "an Arabic font is installed here");
    }

    @Test
    void aCoverImageCanBeGiven() throws Exception {
        Path first = convert(TestSupport.sample(), "--slug", "drawn");
        byte[] png = TestSupport.unzip(first).get("OEBPS/images/cover.png");
        Path cover = Files.write(out.resolve("my-cover.png"), png);
        Path epub = convert(TestSupport.sample(), "--slug", "given", "--cover", cover.toString());
        assertTrue(java.util.Arrays.equals(png, TestSupport.unzip(epub).get("OEBPS/images/cover.png")));
        Path notImage = Files.writeString(out.resolve("cover.png"), "not an image");
        TestSupport.Run r = TestSupport.cli("convert", TestSupport.sample().toString(), "--no-audio", "-o",
                out.toString(), "--cover", notImage.toString()).expect(2);
        assertTrue(r.err().contains("cover.png: not a PNG or JPEG image"), r.err());
    }

    @Test
    void oneParagraphAndTwoThousandParagraphs() throws Exception {
        convert(article("one.txt", "فقرة واحدة فقط."));
        StringBuilder big = new StringBuilder();
        for (int i = 1; i <= 2000; i++) {
            big.append("هذه الفقرة رقم ").append(i).append(" من مقال طويل جدًا ، وفيها جملتان. والثانية قصيرة.\n");
        }
        Path epub = convert(article("long.txt", big.toString()), "--title", "Long");
        String chapter = text(TestSupport.unzip(epub), "OEBPS/text/chapter-001.xhtml");
        assertTrue(chapter.contains("<p id=\"p2000\">"));
        assertTrue(chapter.contains("<span id=\"p2000s02\">والثانية قصيرة.</span>"));
    }
}
