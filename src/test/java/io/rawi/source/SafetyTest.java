package io.rawi.source;

import com.sun.net.httpserver.HttpServer;
import io.rawi.EpubFixtures;
import io.rawi.TestSupport;
import io.rawi.error.BadInputException;
import io.rawi.speech.Lexicon;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malicious and broken inputs: XML entities (XXE), zip-slip, zip bombs, huge archives and pages, and URLs that fail.
 * Each is refused with a clear message naming the input, and nothing outside the output folder is touched. URLs are
 * served by a local server on 127.0.0.1; the network is never used.
 */
class SafetyTest {
    @TempDir
    Path dir;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private String secret;

    @BeforeEach
    void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            int status = 200;
            String type = "text/html; charset=utf-8";
            switch (path) {
                case "/article.html" -> body = Files.readAllBytes(ExtractionTest.INPUTS.resolve("news-ar.html"));
                case "/img/library.png", "/img/chart.png" -> {
                    body = Files.readAllBytes(ExtractionTest.INPUTS.resolve("img/library.png"));
                    type = "image/png";
                }
                case "/missing" -> {
                    status = 404;
                    body = "gone".getBytes(StandardCharsets.UTF_8);
                }
                case "/broken" -> {
                    status = 500;
                    body = "oops".getBytes(StandardCharsets.UTF_8);
                }
                case "/loop-a", "/loop-b" -> {
                    exchange.getResponseHeaders().add("Location", path.equals("/loop-a") ? "/loop-b" : "/loop-a");
                    exchange.sendResponseHeaders(302, -1);
                    exchange.close();
                    return;
                }
                case "/slow" -> {
                    try {
                        Thread.sleep(5000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    body = "<p>late</p>".getBytes(StandardCharsets.UTF_8);
                }
                default -> {
                    status = 404;
                    body = new byte[0];
                }
            }
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        secret = "TOP-SECRET-" + System.nanoTime();
        Files.writeString(dir.resolve("secret.txt"), secret);
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Every file under the test folder except the output folder, with its size. */
    private Map<String, Long> outside() throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                if (!p.startsWith(dir.resolve("out"))) {
                    files.put(dir.relativize(p).toString(), Files.isRegularFile(p) ? Files.size(p) : -1);
                }
            }
        }
        return files;
    }

    /** Runs the conversion, expecting a refusal that names the input and says why, and no book. */
    private TestSupport.Run refused(int code, String input, String why) throws IOException {
        Map<String, Long> before = outside();
        TestSupport.Run run = TestSupport.cli("convert", input, "-o", dir.resolve("out").toString(), "--no-audio");
        run.expect(code);
        assertTrue(run.err().contains(input), "the message names the input: " + run.err());
        assertTrue(run.err().contains(why), "the message says '" + why + "': " + run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), "no stack trace: " + run.err());
        assertFalse(run.err().contains(secret) && !run.err().contains("secret.txt"), "the secret is never read");
        assertEquals(before, outside(), "nothing outside the output folder was touched");
        if (Files.exists(dir.resolve("out"))) {
            try (Stream<Path> walk = Files.walk(dir.resolve("out"))) {
                List<Path> left = walk.filter(Files::isRegularFile).toList();
                assertEquals(List.of(), left, "no book and no leftovers in the output folder");
            }
        }
        return run;
    }

    private Path epub(String name, Map<String, byte[]> entries) throws IOException {
        return EpubFixtures.write(dir.resolve(name), entries);
    }

    @Test
    void xmlEntitiesInAnEpubAreRefusedWithoutReadingFilesOrTheNetwork() throws IOException {
        Map<String, byte[]> book = new LinkedHashMap<>(EpubFixtures.epub2());
        String opf = new String(book.get("OEBPS/content.opf"), StandardCharsets.UTF_8)
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<!DOCTYPE package [<!ENTITY xxe SYSTEM \"" + dir.resolve("secret.txt").toUri() + "\">"
                        + "<!ENTITY net SYSTEM \"" + url("/xxe") + "\">]>")
                .replace("<dc:title>The Lighthouse Log</dc:title>", "<dc:title>&xxe;&net;</dc:title>");
        book.put("OEBPS/content.opf", opf.getBytes(StandardCharsets.UTF_8));
        refused(2, epub("xxe-opf.epub", book).toString(), "declares XML entities");
        Map<String, byte[]> doc = new LinkedHashMap<>(EpubFixtures.epub3Rtl());
        String c1 = new String(doc.get("OEBPS/c1.xhtml"), StandardCharsets.UTF_8)
                .replace("<!DOCTYPE html>", "<!DOCTYPE html [<!ENTITY % remote SYSTEM \"" + url("/xxe.dtd") + "\"> %remote;]>");
        doc.put("OEBPS/c1.xhtml", c1.getBytes(StandardCharsets.UTF_8));
        refused(2, epub("xxe-xhtml.epub", doc).toString(), "declares XML entities");
        assertEquals(0, requests.get(), "no request reached the network");
    }

    @Test
    void externalDtdsInAnEpubAreNeverFetched() throws IOException {
        Map<String, byte[]> book = new LinkedHashMap<>(EpubFixtures.epub2());
        for (String name : List.of("META-INF/container.xml", "OEBPS/content.opf", "OEBPS/toc.ncx")) {
            String xml = new String(book.get(name), StandardCharsets.UTF_8).strip();
            String root = name.endsWith("container.xml") ? "container" : name.endsWith(".opf") ? "package" : "ncx";
            int at = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
            xml = xml.substring(0, at) + "\n<!DOCTYPE " + root + " SYSTEM \"" + url("/evil.dtd") + "\">"
                    + xml.substring(at).replaceFirst("<!DOCTYPE[^>]*>", "");
            book.put(name, xml.getBytes(StandardCharsets.UTF_8));
        }
        Path in = epub("dtd.epub", book);
        TestSupport.cli("convert", in.toString(), "-o", dir.resolve("out").toString(), "--no-audio").expect(0);
        assertEquals(0, requests.get(), "no external DTD was fetched");
    }

    @Test
    void xmlEntitiesInALexiconAreRefused() throws IOException {
        Path pls = dir.resolve("evil.pls");
        Files.writeString(pls, "<?xml version=\"1.0\"?>\n<!DOCTYPE lexicon [<!ENTITY xxe SYSTEM \""
                + dir.resolve("secret.txt").toUri() + "\">]>\n<lexicon version=\"1.0\" "
                + "xmlns=\"http://www.w3.org/2005/01/pronunciation-lexicon\" alphabet=\"x-espeak\" xml:lang=\"ar\">"
                + "<lexeme><grapheme>&xxe;</grapheme><alias>x</alias></lexeme></lexicon>");
        BadInputException e = assertThrows(BadInputException.class, () -> Lexicon.read(pls));
        assertTrue(e.getMessage().contains(pls.toString()), e.getMessage());
        assertFalse(e.getMessage().contains(secret), e.getMessage());
    }

    @Test
    void zipSlipEntriesAreRefused() throws IOException {
        for (String evil : List.of("../evil.txt", "OEBPS/../../evil.txt", "/tmp/rawi-evil.txt", "C:/evil.txt",
                "OEBPS\\..\\..\\evil.txt")) {
            Map<String, byte[]> book = new LinkedHashMap<>(EpubFixtures.epub2());
            book.put(evil, "owned".getBytes(StandardCharsets.UTF_8));
            refused(2, epub("slip.epub", book).toString(), "zip-slip");
        }
        assertFalse(Files.exists(Path.of("/tmp/rawi-evil.txt")));
        assertFalse(Files.exists(dir.getParent().resolve("evil.txt")));
    }

    @Test
    void zipBombsFailFast() throws IOException {
        Path bomb = dir.resolve("bomb.epub");
        Map<String, byte[]> book = new LinkedHashMap<>(EpubFixtures.epub2());
        EpubFixtures.write(bomb, book);
        // rewrite with one entry of 300 MB of zeros, which deflates to about 300 KB
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("bomb2.epub")))) {
            for (Map.Entry<String, byte[]> e : book.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("OEBPS/images/huge.png"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        Files.delete(bomb);
        long start = System.nanoTime();
        refused(2, dir.resolve("bomb2.epub").toString(), "zip bomb");
        System.out.printf("zip bomb refused after %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    @Test
    void archivesLargerThanTheLimitAreRefused() throws Exception {
        Map<String, byte[]> book = new LinkedHashMap<>(EpubFixtures.epub2());
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 6; i++) {
            byte[] noise = new byte[1 << 20]; // incompressible: the ratio limit does not apply
            random.nextBytes(noise);
            book.put("OEBPS/images/noise" + i + ".bin", noise);
        }
        Path big = epub("big.epub", book);
        BadInputException e = assertThrows(BadInputException.class, () -> SafeZip.read(big.toString(), big,
                new SafeZip.Limits(SafeZip.MAX_ENTRIES, 4L << 20, SafeZip.MAX_RATIO)));
        assertTrue(e.getMessage().startsWith(big + ": more than 4 MiB uncompressed"), e.getMessage());
        assertEquals(1 + book.size(), SafeZip.read(big.toString(), big).size(), "within the default limits it is read");
    }

    @Test
    void archivesWithTooManyEntriesAreRefused() throws IOException {
        Map<String, byte[]> book = new LinkedHashMap<>(EpubFixtures.epub2());
        for (int i = 0; i < SafeZip.MAX_ENTRIES + 1; i++) {
            book.put("OEBPS/x/" + i + ".txt", new byte[] {'x'});
        }
        refused(2, epub("many.epub", book).toString(), "more than the limit of " + SafeZip.MAX_ENTRIES);
    }

    @Test
    void aNonZipEpubIsRefused() throws IOException {
        Path fake = dir.resolve("fake.epub");
        Files.writeString(fake, "this is not a zip");
        refused(2, fake.toString(), "not a readable zip archive");
    }

    @Test
    void urlsThatFailGiveClearErrors() throws IOException {
        refused(2, url("/missing"), "HTTP 404 (not found)");
        refused(2, url("/broken"), "HTTP 500 (a server error)");
        refused(2, url("/loop-a"), "redirects in a loop");
        Map<String, Long> before = outside();
        TestSupport.Run slow = TestSupport.cli("convert", url("/slow"), "-o", dir.resolve("out").toString(),
                "--no-audio", "--timeout", "1");
        slow.expect(1);
        assertTrue(slow.err().contains(url("/slow")) && slow.err().contains("timed out"), slow.err());
        assertEquals(before, outside());
        TestSupport.Run port = TestSupport.cli("convert", "http://127.0.0.1:1/none", "-o", dir.resolve("out").toString(),
                "--no-audio");
        port.expect(1);
        assertTrue(port.err().contains("http://127.0.0.1:1/none") && port.err().contains("cannot fetch"), port.err());
    }

    @Test
    void aFetchedArticleBecomesABookWithItsImages() throws IOException {
        TestSupport.Run run = TestSupport.cli("convert", url("/article.html"), "-o", dir.resolve("out").toString(),
                "--no-audio", "--slug", "fetched").expect(0);
        Path epub = dir.resolve("out/fetched/fetched.epub");
        TestSupport.assertValid(epub);
        Map<String, byte[]> files = TestSupport.unzip(epub);
        assertTrue(files.containsKey("OEBPS/images/image-001.png"), files.keySet().toString());
        assertTrue(files.containsKey("OEBPS/images/image-002.png"), files.keySet().toString());
        assertTrue(TestSupport.text(files, "OEBPS/text/chapter-001.xhtml").contains("ماذا يتغير للركاب؟"));
        assertTrue(run.err().contains("has no alt text"), run.err());
    }

    @Test
    void aTwentyMegabytePageConvertsInTheLaunchersMemory() throws Exception {
        Path page = dir.resolve("big.html");
        String article = Files.readString(ExtractionTest.INPUTS.resolve("blog-en.html"));
        StringBuilder chrome = new StringBuilder();
        int i = 0;
        while (chrome.length() < 20 << 20) {
            chrome.append("<div class=\"comment\"><p>Comment ").append(i).append(": I agree with this, and with the ")
                    .append("comment above, for the reasons given there.</p><a href=\"/c/").append(i++)
                    .append("\">reply</a><script>var x").append(i).append("=1;</script></div>\n");
        }
        Files.writeString(page, article.replace("<div id=\"footer\">", chrome + "<div id=\"footer\">"));
        assertTrue(Files.size(page) >= 20L << 20, "the page is at least 20 MiB");
        // the launcher's heap (see ./rawi)
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx176m", "-Xmn64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "io.rawi.Main",
                "convert", page.toString(), "-o", dir.resolve("out").toString(), "--no-audio", "--slug", "big"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        p.getInputStream().transferTo(output);
        assertTrue(p.waitFor(3, TimeUnit.MINUTES));
        String text = output.toString(StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        Path epub = dir.resolve("out/big/big.epub");
        TestSupport.assertValid(epub);
        String chapter = TestSupport.text(TestSupport.unzip(epub), "OEBPS/text/chapter-001.xhtml");
        assertTrue(chapter.contains("Who rides after midnight"), chapter);
        assertFalse(chapter.contains("I agree with this"), "the comments are not the article");
    }
}
