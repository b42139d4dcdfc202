package io.rawi.daisy;

import io.rawi.TestSupport;
import io.rawi.check.Daisy202Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --daisy 202} with the deterministic tone voices: the talking book beside the EPUB passes the DAISY
 * Pipeline's DTDs, schemas and checks ({@link Daisy202Validator}), shares the EPUB's audio, and is refused where it
 * cannot be made. (The real eSpeak NG voices: {@code io.rawi.it.DaisyIT}.)
 */
class Daisy202Test {
    @TempDir
    Path out;

    private Path convert(Path input, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("convert", input.toString(), "--voices",
                TestSupport.fakeVoices().toString(), "-o", out.toString(), "--date", TestSupport.DATE, "--identifier",
                TestSupport.UUID, "--no-cache", "--daisy", "202"));
        args.addAll(List.of(extra.length == 0 ? new String[] {"-q"} : extra));
        TestSupport.cli(args.toArray(String[]::new)).expect(0);
        try (var dirs = Files.list(out)) {
            return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theSeedArticleMakesAValidTalkingBookBesideAValidEpub() throws Exception {
        Path book = convert(TestSupport.seed());
        Path daisy = book.resolve(Daisy202.FOLDER);
        assertEquals(List.of(), Daisy202Validator.problems(daisy));
        TestSupport.Run check = TestSupport.cli("check", daisy.toString()).expect(0);
        assertTrue(check.out().contains("DAISY Pipeline 2 rules") && check.out().contains(": 0 fatal, 0 errors"),
                check.out());
        TestSupport.cli("check", daisy.resolve("ncc.html").toString()).expect(0);
        try (var epubs = Files.list(book)) {
            TestSupport.assertValid(epubs.filter(f -> f.toString().endsWith(".epub")).findFirst().orElseThrow());
        }
        String ncc = Files.readString(daisy.resolve("ncc.html"), StandardCharsets.UTF_8);
        assertTrue(ncc.contains("lang=\"ar\""), "in Arabic (the NCC's DTD has no dir: the content carries it)");
        String content = Files.readString(daisy.resolve("content.html"), StandardCharsets.UTF_8);
        assertTrue(content.contains("dir=\"rtl\"") && content.contains("lang=\"ar\""), "right to left, in Arabic");
        assertTrue(ncc.contains("audioFullText") && ncc.contains("ncc:narrator"), ncc);
        try (var audio = Files.list(book.resolve("audio"))) {
            for (Path a : audio.toList()) {
                Path twin = daisy.resolve(a.getFileName());
                assertTrue(Files.isSameFile(a, twin) || Files.mismatch(a, twin) == -1,
                        "the same narration, not a second synthesis: " + a.getFileName());
            }
        }
        String smil = Files.readString(daisy.resolve("s0002.smil"), StandardCharsets.UTF_8);
        assertTrue(smil.split("<par ").length > smil.split("<p ").length, "a par per sentence");
    }

    @Test
    void theProjectsSampleIsValidatedBeforeItIsPublished() throws Exception {
        TestSupport.Run r = TestSupport.cli("convert", TestSupport.sample().toString(), "--voices",
                TestSupport.fakeVoices().toString(), "-o", out.toString(), "--no-cache", "--daisy", "202",
                "--validate").expect(0);
        assertTrue(r.err().contains("DAISY 2.02 book: DAISY Pipeline 2 rules") && r.err().contains("0 errors"),
                r.err());
        assertEquals(List.of(), Daisy202Validator.problems(out.resolve("library-ar").resolve(Daisy202.FOLDER)));
    }

    /** The check is no rubber stamp: a book with a wrong total time, a dangling text and a skipped level fails. */
    @Test
    void theCheckFindsWhatIsWrong() throws Exception {
        Path daisy = convert(TestSupport.seed()).resolve(Daisy202.FOLDER);
        Path ncc = daisy.resolve("ncc.html");
        String text = Files.readString(ncc, StandardCharsets.UTF_8);
        Files.writeString(ncc, text.replaceFirst("name=\"ncc:totalTime\" content=\"[^\"]*\"",
                "name=\"ncc:totalTime\" content=\"9:00:00\"").replaceFirst("</body>",
                "<h3 id=\"x\"><a href=\"s0002.smil#nowhere\">x</a></h3></body>"), StandardCharsets.UTF_8);
        Path smil = daisy.resolve("s0002.smil");
        Files.writeString(smil, Files.readString(smil).replaceFirst("content.html#p0001", "content.html#q0001"));
        List<String> problems = Daisy202Validator.problems(daisy);
        assertTrue(problems.stream().anyMatch(p -> p.contains("ncc:totalTime")), String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.contains("heading hierarchy")), String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.contains("does not exist")), String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.contains("points at nothing")), String.join("\n", problems));
        TestSupport.Run check = TestSupport.cli("check", daisy.toString()).expect(1);
        assertTrue(check.out().contains("ncc:totalTime"), check.out());
        Files.writeString(smil, "<smil><head>", StandardCharsets.UTF_8);
        TestSupport.Run broken = TestSupport.cli("check", daisy.toString()).expect(1);
        assertTrue(broken.out().contains("not well-formed") && broken.out().contains("s0002.smil"), broken.out());
    }

    /** DAISY 3 from the same narration: DTBook, NCX, SMIL, package and resource file, valid by their DTDs. */
    @Test
    void daisy3FromTheSameNarration() throws Exception {
        TestSupport.cli("convert", TestSupport.seed().toString(), "--voices", TestSupport.fakeVoices().toString(),
                "-o", out.toString(), "--no-cache", "--daisy", "3", "-q").expect(0);
        Path book;
        try (var dirs = Files.list(out)) {
            book = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path daisy = book.resolve(Daisy3.FOLDER);
        io.rawi.check.ValidationReport r = io.rawi.check.Daisy3Validator.validate(daisy);
        assertTrue(r.clean(), String.join("\n", r.messages()));
        for (String f : List.of("book.xml", "book.ncx", "book.opf", "book.res", "s0001.smil")) {
            assertTrue(Files.isRegularFile(daisy.resolve(f)), f);
        }
        String dtbook = Files.readString(daisy.resolve("book.xml"), StandardCharsets.UTF_8);
        assertTrue(dtbook.contains("dir=\"rtl\"") && dtbook.contains("<sent id="), "right to left, a sent each");
        TestSupport.cli("check", daisy.toString()).expect(0);
        // the checks are no rubber stamp: a dangling smilref, a file the manifest does not list, a wrong total
        Files.writeString(daisy.resolve("book.xml"), dtbook.replaceFirst("smilref=\"s0002.smil#par-p0001",
                "smilref=\"s0002.smil#par-q0001"), StandardCharsets.UTF_8);
        Files.writeString(daisy.resolve("stray.txt"), "x");
        Path opf = daisy.resolve("book.opf");
        Files.writeString(opf, Files.readString(opf).replaceFirst("name=\"dtb:totalTime\" content=\"[^\"]*\"",
                "name=\"dtb:totalTime\" content=\"1:00:00\""));
        String problems = String.join("\n", io.rawi.check.Daisy3Validator.validate(daisy).messages());
        assertTrue(problems.contains("points at no par") && problems.contains("stray.txt")
                && problems.contains("dtb:totalTime"), problems);
        TestSupport.cli("check", opf.toString()).expect(1);
    }

    /** With --no-audio the DAISY book is text only: the same navigation and text, no audio, still valid. */
    @Test
    void textOnly() throws Exception {
        TestSupport.cli("convert", TestSupport.sample().toString(), "-o", out.toString(), "--no-audio", "--daisy", "202",
                "-q").expect(0);
        Path daisy = out.resolve("library-ar").resolve(Daisy202.FOLDER);
        assertEquals(List.of(), Daisy202Validator.problems(daisy));
        String ncc = Files.readString(daisy.resolve("ncc.html"), StandardCharsets.UTF_8);
        assertTrue(ncc.contains("textNcc") && !ncc.contains("ncc:narrator"), ncc);
        try (var files = Files.list(daisy)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".mp3")), "no audio");
        }
    }

    /**
     * An EPUB with print page markers: each page becomes a target where its page begins (the block that holds its
     * marker, else the next), in the NCC, the content and the SMIL of DAISY 2.02, and in DTBook and the NCX's page
     * list of DAISY 3, with the counts in the metadata; both stay valid.
     */
    @Test
    void printPagesBecomePageTargets() throws Exception {
        java.util.Map<String, byte[]> entries = io.rawi.EpubFixtures.epub3Rtl();
        String marker = "<span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"%s\" title=\"%s\"/>";
        String c1 = new String(entries.get("OEBPS/c1.xhtml"), StandardCharsets.UTF_8)
                .replace("<h1 id=\"t1\">", String.format(marker, "pg-iv", "iv") + "<h1 id=\"t1\">")
                .replace("كان <b>أقصر</b>", "كان " + String.format(marker, "pg7", "7") + "<b>أقصر</b>");
        String c2 = new String(entries.get("OEBPS/c2.xhtml"), StandardCharsets.UTF_8)
                .replace("</ul>", "</ul>" + String.format(marker, "pg8", "8"));
        entries.put("OEBPS/c1.xhtml", c1.getBytes(StandardCharsets.UTF_8));
        entries.put("OEBPS/c2.xhtml", c2.getBytes(StandardCharsets.UTF_8));
        Path epub = io.rawi.EpubFixtures.write(out.resolve("paged.epub"), entries);
        Path book = convert(epub);
        Path daisy = book.resolve(Daisy202.FOLDER);
        assertEquals(List.of(), Daisy202Validator.problems(daisy));
        String ncc = Files.readString(daisy.resolve("ncc.html"), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "<span class=\"page-(\\w+)\" id=\"ncc-(page-\\d+)\"><a href=\"(s\\d+\\.smil)#par-page-\\d+\">([^<]+)</a>")
                .matcher(ncc);
        List<String> pages = new java.util.ArrayList<>();
        while (m.find()) {
            pages.add(m.group(1) + " " + m.group(4));
            String smil = Files.readString(daisy.resolve(m.group(3)), StandardCharsets.UTF_8);
            assertTrue(smil.contains("<text src=\"content.html#" + m.group(2) + "\""), "the page's par: " + m.group(2));
        }
        assertEquals(List.of("front iv", "normal 7", "normal 8"), pages, ncc);
        assertTrue(ncc.contains("name=\"ncc:pageNormal\" content=\"2\"") && ncc.contains("name=\"ncc:pageFront\" "
                + "content=\"1\"") && ncc.contains("name=\"ncc:maxPageNormal\" content=\"8\""), ncc);
        int headings = ncc.split("<h[1-6] ").length - 1;
        assertTrue(ncc.contains("name=\"ncc:tocItems\" content=\"" + (headings + 3) + "\""), "headings and pages");
        // the DAISY Pipeline's own Schematron rules count the pages: a wrong count is found
        Path tampered = out.resolve("tampered");
        Files.createDirectories(tampered);
        try (var files = Files.list(daisy)) {
            for (Path f : files.toList()) {
                Files.copy(f, tampered.resolve(f.getFileName()));
            }
        }
        Files.writeString(tampered.resolve("ncc.html"), ncc.replace("name=\"ncc:pageNormal\" content=\"2\"",
                "name=\"ncc:pageNormal\" content=\"5\""), StandardCharsets.UTF_8);
        String found = String.join("\n", Daisy202Validator.problems(tampered));
        assertTrue(found.contains("ncc:pageNormal seems incorrect") && found.contains("Schematron"), found);
        String content = Files.readString(daisy.resolve("content.html"), StandardCharsets.UTF_8);
        int first = content.indexOf("الرسالة الأولى</span></h1>");
        int front = content.indexOf(">iv</span>");
        int seven = content.indexOf(">7</span>");
        int road = content.indexOf("قال الدليل");
        assertTrue(first < front && front < seven && seven < road, "iv after its chapter's heading, 7 before "
                + "the paragraph that holds its marker: " + content);

        TestSupport.cli("convert", epub.toString(), "--voices", TestSupport.fakeVoices().toString(), "-o",
                out.resolve("d3").toString(), "--no-cache", "--daisy", "3", "-q").expect(0);
        Path daisy3;
        try (var dirs = Files.list(out.resolve("d3"))) {
            daisy3 = dirs.filter(Files::isDirectory).findFirst().orElseThrow().resolve(Daisy3.FOLDER);
        }
        io.rawi.check.ValidationReport r = io.rawi.check.Daisy3Validator.validate(daisy3);
        assertTrue(r.clean(), String.join("\n", r.messages()));
        String ncx = Files.readString(daisy3.resolve("book.ncx"), StandardCharsets.UTF_8);
        assertEquals(3, ncx.split("<pageTarget ").length - 1, ncx);
        assertTrue(ncx.contains("dtb:totalPageCount\" content=\"3\"") && ncx.contains("bookStruct=\"PAGE_NUMBER\""),
                ncx);
        List<Integer> order = new java.util.ArrayList<>();
        java.util.regex.Matcher po = java.util.regex.Pattern.compile("playOrder=\"(\\d+)\"").matcher(ncx);
        while (po.find()) {
            order.add(Integer.parseInt(po.group(1)));
        }
        assertEquals(order.size(), new java.util.HashSet<>(order).size(), "one play order, no number twice: " + order);
        String dtbook = Files.readString(daisy3.resolve("book.xml"), StandardCharsets.UTF_8);
        assertTrue(dtbook.contains("page=\"front\"") && dtbook.split("<pagenum ").length - 1 == 3, dtbook);
    }

    @Test
    void whatCannotBeATalkingBookIsRefusedInOneLine() throws Exception {
        String seed = TestSupport.seed().toString();
        for (List<String> extra : List.of(List.of("--daisy", "4"), List.of("--daisy", "2"),
                List.of("--daisy", "202", "--audio-format", "opus"))) {
            List<String> args = new java.util.ArrayList<>(List.of("convert", seed, "-o", out.toString()));
            args.addAll(extra);
            TestSupport.Run r = TestSupport.cli(args.toArray(String[]::new)).expect(2);
            assertTrue(r.err().contains("--daisy") && r.err().strip().lines().count() == 1, r.err());
        }
        assertFalse(Files.exists(out.resolve("seed-ar")), "nothing written");
    }
}
