package io.rawi.it;

import io.rawi.OverlayChecker;
import io.rawi.TestSupport;
import io.rawi.check.EpubValidator;
import io.rawi.check.ValidationReport;
import io.rawi.internal.JsonReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * rawi on real inputs that nobody here wrote, fed as they are: the 120 web pages and 33 EPUB 3 books of
 * {@code ../shared/corpus} (see its README). Prints a table of what it found and fails on any conversion failure,
 * any invalid book, extraction below the bar, or an EPUB whose metadata does not survive the round trip.
 */
class CorpusIT {
    private static final Path CORPUS = Path.of("..", "shared", "corpus");
    private static final String DATE = "2025-01-15T10:20:30Z";
    private static final String UUID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    @TempDir
    Path out;

    /**
     * Pages whose extraction may stay below 0.80, or whose direction may differ from the expected one, each with the
     * reason (src/test/resources/corpus/web-exceptions.txt).
     */
    private static Map<String, String> exceptions() throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/corpus/web-exceptions.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split("\\s+", 2);
                assertTrue(parts.length == 2 && !parts[1].isBlank(), "an exception needs a reason: " + line);
                out.put(parts[0], parts[1]);
            }
        }
        return out;
    }

    @Test
    void everyWebPageConvertsToAValidBookWithItsArticle() throws Exception {
        Path web = CORPUS.resolve("web");
        assertTrue(Files.isDirectory(web), "the corpus must be at " + web.toAbsolutePath());
        List<Path> pages;
        try (Stream<Path> s = Files.list(web)) {
            pages = s.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(pages.size() >= 100, "pages: " + pages.size());
        Map<String, String> exceptions = exceptions();
        List<String> failures = new ArrayList<>();
        Map<String, Double> f1 = new TreeMap<>();
        int invalid = 0;
        int titles = 0;
        int bylines = 0;
        int bylinesExpected = 0;
        int languages = 0;
        int languagesExpected = 0;
        int directions = 0;
        int directionsExpected = 0;
        List<String> metadataMisses = new ArrayList<>();
        List<String> wrongDirections = new ArrayList<>();
        for (Path page : pages) {
            String name = page.getFileName().toString();
            TestSupport.Run run = TestSupport.cli("convert", page.resolve("source.html").toString(), "-o",
                    out.toString(), "--no-audio", "--slug", name, "--date", DATE, "--identifier", UUID);
            if (run.code() != 0) {
                failures.add(name + ": exit " + run.code() + ": " + run.err().strip());
                continue;
            }
            Path epub = out.resolve(name).resolve(name + ".epub");
            ValidationReport report = EpubValidator.validate(epub);
            if (!report.clean()) {
                invalid++;
                failures.add(name + ": EPUBCheck " + report.summary() + " " + report.messages());
            }
            Map<String, byte[]> files = TestSupport.unzip(epub);
            String expected = Jsoup.parse(Files.readString(page.resolve("expected.html"))).text();
            f1.put(name, f1(words(articleText(files)), words(expected)));
            Map<String, Object> meta = JsonReader.parse(Files.readString(page.resolve("expected-metadata.json")));
            Document opf = Jsoup.parse(TestSupport.text(files, "OEBPS/package.opf"), "", Parser.xmlParser());
            String title = opf.select("dc|title, title").text();
            if (same(title, meta.get("title"))) {
                titles++;
            } else {
                metadataMisses.add(name + " title «" + title + "» ≠ «" + meta.get("title") + "»");
            }
            if (meta.get("byline") instanceof String byline && !byline.isBlank()) {
                bylinesExpected++;
                String creators = String.join(", ", opf.select("dc|creator, creator").eachText());
                if (normal(creators).contains(normal(byline)) || normal(byline).contains(normal(creators))
                        && !creators.isBlank()) {
                    bylines++;
                } else {
                    metadataMisses.add(name + " byline «" + creators + "» ≠ «" + byline + "»");
                }
            }
            String lang = opf.select("dc|language, language").text();
            if (meta.get("lang") instanceof String l && !l.isBlank()) {
                languagesExpected++;
                if (primary(l).equals(primary(lang))) {
                    languages++;
                } else {
                    metadataMisses.add(name + " language " + lang + " ≠ " + l);
                }
            }
            if (meta.get("dir") instanceof String d && !d.isBlank()) {
                directionsExpected++;
                String ours = opf.selectFirst("package").attr("dir");
                if (d.equalsIgnoreCase(ours)) {
                    directions++;
                } else {
                    metadataMisses.add(name + " direction " + ours + " ≠ " + d);
                    if (!exceptions.containsKey(name)) {
                        wrongDirections.add(name);
                    }
                }
            }
        }
        List<Double> scores = new ArrayList<>(f1.values());
        Collections.sort(scores);
        double median = scores.isEmpty() ? 0 : scores.get(scores.size() / 2);
        double p10 = scores.isEmpty() ? 0 : scores.get(scores.size() / 10);
        List<String> low = new ArrayList<>();
        f1.forEach((name, score) -> {
            if (score < 0.80 && !exceptions.containsKey(name)) {
                low.add(String.format(Locale.ROOT, "%s %.3f", name, score));
            }
        });
        StringBuilder table = new StringBuilder("\ncorpus web pages (text-only conversions)\n");
        table.append(String.format(Locale.ROOT, "  pages %d, failures %d, invalid books %d%n", pages.size(),
                failures.size(), invalid));
        table.append(String.format(Locale.ROOT, "  word-F1 against expected.html: median %.3f, 10th percentile %.3f,"
                + " below 0.80: %d (%d of them listed with a reason)%n", median, p10,
                f1.values().stream().filter(v -> v < 0.80).count(),
                f1.entrySet().stream().filter(e -> e.getValue() < 0.80 && exceptions.containsKey(e.getKey())).count()));
        table.append(String.format(Locale.ROOT, "  metadata: title %d/%d, byline %d/%d, language %d/%d, direction "
                + "%d/%d%n", titles, f1.size(), bylines, bylinesExpected, languages, languagesExpected, directions,
                directionsExpected));
        f1.entrySet().stream().sorted(Map.Entry.comparingByValue()).limit(12).forEach(e -> table.append(
                String.format(Locale.ROOT, "    %-45s %.3f%s%n", e.getKey(), e.getValue(),
                        exceptions.containsKey(e.getKey()) ? "  (" + exceptions.get(e.getKey()) + ")" : "")));
        metadataMisses.forEach(m -> table.append("    metadata: ").append(m).append('\n'));
        System.out.println(table);
        Files.writeString(Path.of("target", "corpus-web.txt"), table);
        assertEquals(List.of(), failures, "every page converts to a valid book");
        assertTrue(median >= 0.95, String.format(Locale.ROOT, "median word-F1 %.3f >= 0.95", median));
        assertEquals(List.of(), low, "no page below 0.80 without a reason in web-exceptions.txt");
        assertTrue(languages >= languagesExpected * 0.9, "languages: " + languages + "/" + languagesExpected);
        assertEquals(List.of(), wrongDirections, "every direction, but those listed with a reason");
    }

    private static boolean same(String ours, Object expected) {
        return expected instanceof String e && normal(ours).equals(normal(e));
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static String primary(String tag) {
        return tag.toLowerCase(Locale.ROOT).split("[-_]")[0];
    }

    /** The text of the book's chapters, without the headings rawi adds (h1, the title). */
    private static String articleText(Map<String, byte[]> files) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
            if (e.getKey().startsWith("OEBPS/text/chapter-")) {
                Document d = Jsoup.parse(new String(e.getValue(), StandardCharsets.UTF_8));
                d.select("h1").remove();
                sb.append(d.body().text()).append('\n');
            }
        }
        return sb.toString();
    }

    /** Words, lower-cased; in Chinese and Japanese, which do not separate words, each character. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.isEmpty()) {
                continue;
            }
            if (w.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                    || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HIRAGANA
                    || Character.UnicodeScript.of(cp) == Character.UnicodeScript.KATAKANA)) {
                w.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /** Word-level F1 of two bags of words. */
    static double f1(List<String> found, List<String> expected) {
        if (found.isEmpty() || expected.isEmpty()) {
            return found.isEmpty() && expected.isEmpty() ? 1 : 0;
        }
        Map<String, Integer> bag = new HashMap<>();
        expected.forEach(w -> bag.merge(w, 1, Integer::sum));
        int common = 0;
        for (String w : found) {
            Integer n = bag.get(w);
            if (n != null && n > 0) {
                common++;
                bag.put(w, n - 1);
            }
        }
        double precision = (double) common / found.size();
        double recall = (double) common / expected.size();
        return common == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    @Test
    void everyEpubBookRoundTripsWithItsMetadataAndNoNewMessages() throws Exception {
        Path books = CORPUS.resolve("epub");
        List<Path> epubs;
        try (Stream<Path> s = Files.list(books)) {
            epubs = s.filter(p -> p.toString().endsWith(".epub")).sorted().toList();
        }
        assertTrue(epubs.size() >= 30, "books: " + epubs.size());
        List<String> problems = new ArrayList<>();
        StringBuilder table = new StringBuilder("\ncorpus EPUB books (text-only round trip)\n");
        table.append(String.format(Locale.ROOT, "  %-36s %-14s %-14s %s%n", "book", "EPUBCheck in", "out", "metadata"));
        int added = 0;
        // DAISY Ace on each input and output, two at a time beside the conversions (about 6 s a book)
        java.util.concurrent.ExecutorService ace = java.util.concurrent.Executors.newFixedThreadPool(2);
        Map<String, java.util.concurrent.Future<io.rawi.Ace.Report[]>> aceReports = new LinkedHashMap<>();
        for (Path book : epubs) {
            String name = book.getFileName().toString().replace(".epub", "");
            ValidationReport in = EpubValidator.validate(book);
            TestSupport.Run run = TestSupport.cli("convert", book.toString(), "-o", out.toString(), "--no-audio",
                    "--slug", name, "--date", DATE);
            if (run.code() != 0) {
                problems.add(name + ": exit " + run.code() + ": " + run.err().strip());
                continue;
            }
            Path epub = out.resolve(name).resolve(name + ".epub");
            ValidationReport result = EpubValidator.validate(epub);
            Map<String, Integer> before = ids(in);
            Map<String, Integer> after = ids(result);
            List<String> more = new ArrayList<>();
            after.forEach((id, n) -> {
                if (n > before.getOrDefault(id, 0)) {
                    more.add(id + " +" + (n - before.getOrDefault(id, 0)));
                }
            });
            if (!more.isEmpty()) {
                added++;
                problems.add(name + ": EPUBCheck messages the input did not have: " + more + " "
                        + result.messages());
            }
            Map<String, byte[]> original = TestSupport.unzip(book);
            Map<String, byte[]> converted = TestSupport.unzip(epub);
            String diff = PackageDiff.of(original, converted);
            if (!diff.isEmpty()) {
                problems.add(name + ": the package document changed: " + diff);
            }
            table.append(String.format(Locale.ROOT, "  %-36s %-14s %-14s %s%n", name,
                    in.errors() + "e " + in.warnings() + "w", result.errors() + "e " + result.warnings() + "w",
                    diff.isEmpty() ? "same" : "CHANGED"));
            aceReports.put(name, ace.submit(() -> new io.rawi.Ace.Report[] {
                    inputAce(book, name), io.rawi.Ace.check(epub, out.resolve("ace-out-" + name))}));
        }
        int aceAdded = 0;
        int aceBefore = 0;
        int aceAfter = 0;
        try {
            for (Map.Entry<String, java.util.concurrent.Future<io.rawi.Ace.Report[]>> e : aceReports.entrySet()) {
                io.rawi.Ace.Report[] r = e.getValue().get();
                aceBefore += r[0].byRule().values().stream().mapToInt(Integer::intValue).sum();
                aceAfter += r[1].byRule().values().stream().mapToInt(Integer::intValue).sum();
                Map<String, Integer> more = r[1].moreThan(r[0]);
                if (!more.isEmpty()) {
                    aceAdded++;
                    problems.add(e.getKey() + ": Ace violations the input did not have: " + more);
                }
            }
        } finally {
            ace.shutdownNow();
        }
        saveAceBaseline();
        table.append(String.format(Locale.ROOT, "  DAISY Ace: %d violations in the inputs, %d in the outputs; books "
                + "with a violation the input did not have: %d%n", aceBefore, aceAfter, aceAdded));
        table.append(String.format(Locale.ROOT, "  books %d, failures %d, books with new EPUBCheck messages %d%n",
                epubs.size(), problems.size(), added));
        System.out.println(table);
        Files.writeString(Path.of("target", "corpus-epub.txt"), table);
        assertEquals(List.of(), problems);
    }

    /**
     * Ace's violations of the corpus books as they come, by rule, with each file's SHA-256: the corpus never changes,
     * and Ace takes minutes on the larger books, so each input is checked once and its report kept here. A book whose
     * checksum differs (or that is missing) is checked again, and the file rewritten.
     */
    private static final Path ACE_BASELINE = Path.of("src", "test", "resources", "corpus", "ace-inputs.tsv");
    private static final Map<String, String> aceBaseline = new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile boolean aceBaselineChanged;

    private io.rawi.Ace.Report inputAce(Path book, String name) throws Exception {
        synchronized (aceBaseline) {
            if (aceBaseline.isEmpty() && Files.exists(ACE_BASELINE)) {
                for (String line : Files.readAllLines(ACE_BASELINE)) {
                    String[] f = line.split("\t", 3);
                    if (f.length == 3 && !line.startsWith("#")) {
                        aceBaseline.put(f[0] + "\t" + f[1], f[2]);
                    }
                }
            }
        }
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(book)));
        String kept = aceBaseline.get(name + "\t" + sha);
        if (kept != null) { // rule=count,rule=count…, as Ace's report lines would give them
            StringBuilder text = new StringBuilder();
            for (String rc : kept.isEmpty() ? new String[0] : kept.split(",")) {
                String[] p = rc.split("=");
                for (int i = 0; i < Integer.parseInt(p[1]); i++) {
                    text.append("x\t").append(p[0]).append("\tkept\t\n");
                }
            }
            return new io.rawi.Ace.Report(0, text.append("ace: (kept) violation(s)").toString());
        }
        io.rawi.Ace.Report report = io.rawi.Ace.check(book, out.resolve("ace-in-" + name));
        List<String> rules = new ArrayList<>();
        report.byRule().forEach((rule, n) -> rules.add(rule + "=" + n));
        aceBaseline.keySet().removeIf(k -> k.startsWith(name + "\t"));
        aceBaseline.put(name + "\t" + sha, String.join(",", rules));
        aceBaselineChanged = true;
        return report;
    }

    private static void saveAceBaseline() throws IOException {
        if (!aceBaselineChanged) {
            return;
        }
        List<String> lines = new ArrayList<>(List.of("# DAISY Ace 1.4.6 on ../shared/corpus/epub as it comes: book, "
                + "SHA-256, violations by rule (written by CorpusIT when a book is new or changed)"));
        aceBaseline.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> lines.add(e.getKey() + "\t" + e.getValue()));
        Files.write(ACE_BASELINE, lines);
    }

    private static Map<String, Integer> ids(ValidationReport r) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String m : r.messages()) {
            String[] parts = m.split("\\s+", 3);
            if (parts.length > 1) {
                out.merge(parts[1], 1, Integer::sum);
            }
        }
        return out;
    }

    @Test
    void smallBooksAndPagesAreNarratedInFull() throws Exception {
        List<Path> inputs = new ArrayList<>();
        // the smaller ones, in French, Japanese and English, one with scripts, one with many short blocks
        for (String book : List.of("sous-le-vent", "haruko-html-jpeg", "trees", "internallinks",
                "cole-voyage-of-life")) {
            inputs.add(CORPUS.resolve("epub").resolve(book + ".epub"));
        }
        for (String page : List.of("qq", "tmz-1", "rtl-1", "title-en-dash", "hukumusume", "mozilla-1",
                "daringfireball-1", "yahoo-4", "cnet-svg-classes", "basic-tags-cleaning")) {
            inputs.add(CORPUS.resolve("web").resolve(page).resolve("source.html"));
        }
        Map<String, Integer> aceProblems = new LinkedHashMap<>();
        for (Path input : inputs) {
            String name = input.getFileName().toString().endsWith(".epub")
                    ? input.getFileName().toString().replace(".epub", "") : input.getParent().getFileName().toString();
            TestSupport.cli("convert", input.toString(), "-o", out.toString(), "--slug", "n-" + name, "--date", DATE)
                    .expect(0);
            Path epub = out.resolve("n-" + name).resolve("n-" + name + ".epub");
            TestSupport.assertValid(epub);
            List<OverlayChecker.Par> pars = OverlayChecker.check(epub);
            assertTrue(!pars.isEmpty(), name + " is narrated");
            // narrated, a book adds no Ace violation to what it had; a page's book has none
            io.rawi.Ace.Report after = io.rawi.Ace.check(epub, out.resolve("ace-n-" + name));
            if (input.toString().endsWith(".epub")) {
                io.rawi.Ace.Report before = io.rawi.Ace.check(input, out.resolve("ace-in-n-" + name));
                aceProblems.putAll(prefixed(name, after.moreThan(before)));
            } else {
                aceProblems.putAll(prefixed(name, after.byRule()));
            }
        }
        assertEquals(Map.of(), aceProblems, "Ace violations the narrated books added");
    }

    private static Map<String, Integer> prefixed(String name, Map<String, Integer> rules) {
        Map<String, Integer> out = new LinkedHashMap<>();
        rules.forEach((rule, n) -> out.put(name + ": " + rule, n));
        return out;
    }

    /** The package documents of two books, compared element by element (what rawi may add left aside). */
    static final class PackageDiff {
        private PackageDiff() {
        }

        static String of(Map<String, byte[]> original, Map<String, byte[]> converted) {
            String path = Jsoup.parse(new String(original.get("META-INF/container.xml"), StandardCharsets.UTF_8), "",
                    Parser.xmlParser()).selectFirst("rootfile").attr("full-path");
            if (!converted.containsKey(path)) {
                return "no " + path;
            }
            Document a = Jsoup.parse(new String(original.get(path), StandardCharsets.UTF_8), "", Parser.xmlParser());
            Document b = Jsoup.parse(new String(converted.get(path), StandardCharsets.UTF_8), "", Parser.xmlParser());
            List<String> diffs = new ArrayList<>();
            compare("metadata", a, b, diffs);
            compare("spine", a, b, diffs);
            Map<String, Element> items = new HashMap<>();
            b.select("manifest > item").forEach(i -> items.put(i.attr("id"), i));
            for (Element item : a.select("manifest > item")) {
                Element other = items.get(item.attr("id"));
                if (other == null || !other.attr("href").equals(item.attr("href"))
                        || !other.attr("media-type").equals(item.attr("media-type"))
                        || !other.attr("properties").equals(item.attr("properties"))
                        || !other.attr("fallback").equals(item.attr("fallback"))) {
                    diffs.add("manifest item " + item.outerHtml() + " became " + (other == null ? "nothing" : other.outerHtml()));
                }
            }
            for (Element item : a.select("manifest > item[properties~=nav]")) {
                String nav = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) + item.attr("href")
                        : item.attr("href");
                if (!java.util.Arrays.equals(original.get(nav), converted.get(nav))) {
                    diffs.add("the navigation document " + nav + " changed");
                }
            }
            return String.join("; ", diffs);
        }

        private static void compare(String section, Document a, Document b, List<String> diffs) {
            Element x = a.selectFirst(section);
            Element y = b.selectFirst(section);
            if (x == null) {
                return;
            }
            List<Element> left = new ArrayList<>(x.children());
            List<Element> right = new ArrayList<>(y == null ? List.of() : y.children());
            left.removeIf(PackageDiff::modified);
            right.removeIf(e -> modified(e) || rawis(e));
            for (Map.Entry<String, String> attr : attributes(x).entrySet()) {
                if (y == null || !attr.getValue().equals(y.attr(attr.getKey()))) {
                    diffs.add(section + "@" + attr.getKey());
                }
            }
            if (left.size() != right.size()) {
                diffs.add(section + ": " + left.size() + " elements became " + right.size());
                return;
            }
            for (int i = 0; i < left.size(); i++) {
                Element l = left.get(i);
                Element r = right.get(i);
                if (!l.tagName().equals(r.tagName()) || !attributes(l).equals(attributes(r))
                        || !l.text().strip().equals(r.text().strip())) {
                    diffs.add(section + ": " + l.outerHtml() + " became " + r.outerHtml());
                }
            }
        }

        private static boolean modified(Element e) {
            return e.attr("property").equals("dcterms:modified") && !e.hasAttr("refines");
        }

        /** What narration adds, which a text-only conversion does not: never the case here, but said plainly. */
        private static boolean rawis(Element e) {
            return e.attr("property").startsWith("media:");
        }

        private static Map<String, String> attributes(Element e) {
            Map<String, String> out = new TreeMap<>();
            e.attributes().forEach(a -> out.put(a.getKey(), a.getValue()));
            return out;
        }
    }
}
