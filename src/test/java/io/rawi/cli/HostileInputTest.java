package io.rawi.cli;

import io.rawi.EpubFixtures;
import io.rawi.OverlayChecker;
import io.rawi.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 20's bad inputs: each gets one clear line, the right exit code, and no book. */
class HostileInputTest {
    @TempDir
    Path dir;

    private TestSupport.Run refused(int code, String... args) {
        TestSupport.Run run = TestSupport.cli(args).expect(code);
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        return run;
    }

    @Test
    void binaryCompressedAndEndlessInputsAreRefusedBeforeParsing() throws Exception {
        byte[] random = new byte[1 << 20];
        new Random(20).nextBytes(random);
        Path noise = Files.write(dir.resolve("noise.html"), random);
        assertTrue(refused(2, "convert", noise.toString(), "--no-audio", "-o", dir.toString()).err()
                .contains("binary data"));
        Path gz = dir.resolve("page.html");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("<html><body><p>hello there, reader.</p></body></html>".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(refused(2, "convert", gz.toString(), "--no-audio", "-o", dir.toString()).err().contains("gzip"));
        Path pdf = Files.writeString(dir.resolve("doc.txt"), "%PDF-1.7\n...");
        assertTrue(refused(2, "convert", pdf.toString(), "--no-audio", "-o", dir.toString()).err().contains("PDF"));
        assertTrue(refused(2, "convert", "/dev/zero", "--no-audio", "-o", dir.toString()).err()
                .contains("larger than 32 MiB"));
    }

    @Test
    void badOptionValuesAndContradictionsExitTwo() throws Exception {
        Path text = Files.writeString(dir.resolve("a.txt"), "مرحبا بكم في المكتبة.\n");
        assertTrue(refused(2, "convert", text.toString(), "--lang", "zz", "--no-audio").err()
                .contains("names no known language"));
        refused(2, "convert", text.toString(), "--cache", dir.resolve("c").toString(), "--no-cache");
        refused(2, "convert", text.toString(), "--cover", text.toString(), "--no-cover");
        assertTrue(refused(2, "convert", text.toString(), "--no-audio", "--sync", "word").err()
                .contains("contradict"));
        assertTrue(refused(2, "convert", text.toString(), "--no-diacritize", "--vowelled-text").err()
                .contains("give one"));
    }

    @Test
    void controlCharactersInFileNamesAreEscaped() {
        TestSupport.Run run = refused(2, "convert", dir.resolve("a\nb\u001b[31m.txt").toString(), "--no-audio");
        assertFalse(run.err().contains("\u001b"), run.err());
        assertTrue(run.err().contains("a\\u000Ab\\u001B[31m.txt"), run.err());
    }

    @Test
    void aLocalPageEmbedsOnlyImagesFromItsOwnFolder() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Path secret = Files.write(dir.resolve("secret.png"), EpubFixtures.png());
        Files.write(site.resolve("ok.png"), EpubFixtures.png());
        Files.createSymbolicLink(site.resolve("link.png"), secret);
        String prose = "This is a paragraph about the library, long enough, with commas, to be the article. ";
        Path page = Files.writeString(site.resolve("page.html"), "<html lang=\"en\"><body><article><h1>Images</h1><p>"
                + prose.repeat(6) + "</p><figure><img src=\"ok.png\" alt=\"inside\"></figure>"
                + "<figure><img src=\"" + secret + "\" alt=\"absolute\"></figure>"
                + "<figure><img src=\"../secret.png\" alt=\"parent\"></figure>"
                + "<figure><img src=\"link.png\" alt=\"link\"></figure><p>" + prose.repeat(6) + "</p></article></body></html>");
        TestSupport.Run run = TestSupport.cli("convert", page.toString(), "--no-audio", "-o", dir.resolve("out").toString())
                .expect(0);
        Map<String, byte[]> files = TestSupport.unzip(dir.resolve("out/page/page.epub"));
        long images = files.keySet().stream().filter(n -> n.startsWith("OEBPS/images/image-")).count();
        assertEquals(1, images, "only the image inside the page's folder: " + files.keySet());
        assertEquals(3, run.err().split("outside the page's folder", -1).length - 1, run.err());
    }

    @Test
    void anEpubWithAMissingOrEscapingSpineItemIsRefusedByName() throws Exception {
        Map<String, byte[]> missing = new LinkedHashMap<>(EpubFixtures.epub3Rtl());
        missing.remove("OEBPS/c2.xhtml");
        Path a = EpubFixtures.write(dir.resolve("missing.epub"), missing);
        assertTrue(refused(2, "convert", a.toString(), "--no-audio", "-o", dir.toString()).err()
                .contains("spine item c2.xhtml is missing"));
        for (String href : new String[] {"../../c2.xhtml", "file:///etc/passwd"}) {
            Map<String, byte[]> escaping = new LinkedHashMap<>(EpubFixtures.epub3Rtl());
            escaping.put("OEBPS/content.opf", new String(escaping.get("OEBPS/content.opf"), StandardCharsets.UTF_8)
                    .replace("href=\"c2.xhtml\"", "href=\"" + href + "\"").getBytes(StandardCharsets.UTF_8));
            Path b = EpubFixtures.write(dir.resolve("escaping.epub"), escaping);
            assertTrue(refused(2, "convert", b.toString(), "--no-audio", "-o", dir.toString()).err()
                    .contains("points outside the book"));
        }
    }

    @Test
    void rawisOwnBookConvertsAgainWithUniqueIds() throws Exception {
        TestSupport.cli("convert", TestSupport.sample().toString(), "-o", dir.resolve("a").toString(), "--voices",
                TestSupport.fakeVoices().toString()).expect(0);
        Path first = dir.resolve("a/library-ar/library-ar.epub");
        TestSupport.cli("convert", first.toString(), "-o", dir.resolve("b").toString(), "--voices",
                TestSupport.fakeVoices().toString(), "--renarrate").expect(0);
        Path again = dir.resolve("b/library-ar/library-ar.epub");
        TestSupport.assertValid(again);
        OverlayChecker.check(again);
        String chapter = TestSupport.text(TestSupport.unzip(again), "OEBPS/text/chapter-001.xhtml");
        Set<String> ids = new HashSet<>();
        Matcher m = Pattern.compile(" id=\"([^\"]+)\"").matcher(chapter);
        while (m.find()) {
            assertTrue(ids.add(m.group(1)), "duplicate id " + m.group(1));
        }
        assertTrue(ids.contains("p0002") && ids.contains("rp0002"), "rawi's new ids take their own prefix: " + ids);
    }

    /**
     * 200,000 nested divs took 58 s when each element's text was asked for again, then 6 s, and 200,000 nested
     * blockquotes 10 s and spans 7 s (the parser keeps 512 levels and makes the rest siblings: each of those 512
     * containers asked for the text of all of them, and removing 200,000 siblings one by one shifted the rest each
     * time). Now each takes about 2.5 s through the launcher; a generous bound keeps the slow paths from coming back.
     */
    @Test
    void deepNestingIsLinear() throws Exception {
        int n = 200_000;
        for (String tag : List.of("div", "blockquote", "span")) {
            Path page = Files.writeString(dir.resolve("deep-" + tag + ".html"), "<html><body>"
                    + ("<" + tag + ">").repeat(n)
                    + "<p>Deep text here, with commas, and enough words to be an article of sorts.</p>"
                    + ("</" + tag + ">").repeat(n) + "</body></html>");
            long t0 = System.nanoTime();
            TestSupport.cli("convert", page.toString(), "--no-audio", "-o", dir.resolve("out").toString()).expect(0);
            long millis = (System.nanoTime() - t0) / 1_000_000L;
            System.out.println("200,000 nested " + tag + "s: " + millis + " ms");
            assertTrue(millis < 6_000, "200,000 nested " + tag + "s in " + millis + " ms");
        }
    }
}
