package io.rawi.it;

import io.rawi.TestSupport;
import io.rawi.check.Daisy202Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DAISY talking books narrated by eSpeak NG: DAISY 2.02 of the reference article, of a Markdown article with sections,
 * a list and a quotation, and of three corpus EPUBs, valid by the DAISY Pipeline's rules ({@link Daisy202Validator});
 * DAISY 3 of the article and of a corpus EPUB ({@link io.rawi.check.Daisy3Validator}).
 */
class DaisyIT {
    @TempDir
    Path out;

    private Path daisy(Path input, String slug) throws Exception {
        TestSupport.cli("convert", input.toString(), "-o", out.toString(), "--slug", slug, "--daisy", "202",
                "--date", TestSupport.DATE, "-q").expect(0);
        Path book = out.resolve(slug);
        TestSupport.assertValid(book.resolve(slug + ".epub"));
        Path daisy = book.resolve("daisy202");
        assertEquals(List.of(), Daisy202Validator.problems(daisy));
        return daisy;
    }

    @Test
    void theReferenceArticle() throws Exception {
        Path daisy = daisy(TestSupport.seed(), "seed");
        String smil = Files.readString(daisy.resolve("s0002.smil"), StandardCharsets.UTF_8);
        String content = Files.readString(daisy.resolve("content.html"), StandardCharsets.UTF_8);
        long sentences = content.split("class=\"sentence\"").length - 1;
        long pars = smil.split("<par ").length - 1 + Files.readString(daisy.resolve("s0001.smil")).split("<par ").length - 1;
        assertEquals(sentences, pars, "a par for every sentence of the text");
        assertTrue(content.contains("dir=\"rtl\""));
    }

    /**
     * Real EPUB 3 books of the corpus, narrated: the three shortest, and a short one with print pages (the others
     * would take CI too long to narrate; their EPUB output is CorpusIT's). Headings come from their documents' h1 to
     * h6, page targets from their page-break markers.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"hefty-water", "trees", "wasteland", "georgia-pls-ssml"})
    void corpusBooks(String name) throws Exception {
        Path epub = Path.of("..", "shared", "corpus", "epub", name + ".epub");
        TestSupport.cli("convert", epub.toString(), "-o", out.toString(), "--daisy", "202", "-q").expect(0);
        Path daisy = out.resolve(name).resolve("daisy202");
        assertEquals(List.of(), Daisy202Validator.problems(daisy));
        String ncc = Files.readString(daisy.resolve("ncc.html"), StandardCharsets.UTF_8);
        assertTrue(ncc.contains("class=\"title\""), ncc);
        assertEquals(pageMarkers(epub), ncc.split("<span class=\"page-").length - 1, "a page target per print page");
    }

    /**
     * Every EPUB of the corpus as it comes, in DAISY 2.02 and DAISY 3, text only (narrating them all would take CI
     * too long; three are narrated above): every book with text gives a valid DAISY book of each kind, and a book of
     * images or drawings alone says it has none.
     */
    @Test
    void everyCorpusBookTextOnly() throws Exception {
        List<Path> books;
        try (var s = Files.list(Path.of("..", "shared", "corpus", "epub"))) {
            books = s.filter(p -> p.toString().endsWith(".epub")).sorted().toList();
        }
        assertTrue(books.size() >= 30, "books: " + books.size());
        List<String> failures = new java.util.ArrayList<>();
        int made = 0;
        int imagesOnly = 0;
        int pages = 0;
        for (Path book : books) {
            for (String version : List.of("202", "3")) {
                Path dir = out.resolve("corpus-" + version);
                TestSupport.Run r = TestSupport.cli("convert", book.toString(), "-o", dir.toString(), "--slug", "b",
                        "--no-audio", "--daisy", version);
                if (r.code() != 0) {
                    failures.add(book.getFileName() + " " + version + ": exit " + r.code() + ": " + r.err());
                    continue;
                }
                Path daisy = dir.resolve("b").resolve(version.equals("3") ? "daisy3" : "daisy202");
                if (!Files.isDirectory(daisy)) {
                    if (!r.err().contains("no DAISY book")) {
                        failures.add(book.getFileName() + " " + version + ": no DAISY book and no word why");
                    }
                    imagesOnly++;
                    continue;
                }
                io.rawi.check.ValidationReport v = version.equals("3") ? io.rawi.check.Daisy3Validator.validate(daisy)
                        : io.rawi.check.Daisy202Validator.validate(daisy);
                if (!v.clean()) {
                    failures.add(book.getFileName() + " " + version + ": " + String.join("; ", v.messages()));
                }
                // every print page marker of the book is a page target
                int markers = pageMarkers(book);
                int targets = version.equals("3")
                        ? Files.readString(daisy.resolve("book.ncx")).split("<pageTarget ").length - 1
                        : Files.readString(daisy.resolve("ncc.html")).split("<span class=\"page-").length - 1;
                if (markers != targets) {
                    failures.add(book.getFileName() + " " + version + ": " + markers + " page markers, " + targets
                            + " page targets");
                }
                pages += targets;
                made++;
            }
        }
        System.out.println("DaisyIT: " + made + " DAISY books from " + books.size() + " corpus EPUBs (2.02 and 3), "
                + imagesOnly / 2 + " books of images alone, " + pages + " page targets");
        assertEquals(List.of(), failures);
        assertTrue(made >= 2 * (books.size() - 6), "most books have text: " + made);
    }

    /**
     * The page-break markers ({@code epub:type} pagebreak, {@code role} doc-pagebreak) in the documents of the book's
     * spine (of its first rendition, the one a reading system opens), counted from the container as it is.
     */
    private static int pageMarkers(Path epub) throws java.io.IOException {
        java.util.regex.Pattern marker = java.util.regex.Pattern.compile("<[a-zA-Z][^>]*\\s(epub:type=\"[^\"]*"
                + "\\bpagebreak\\b[^\"]*\"|role=\"[^\"]*\\bdoc-pagebreak\\b[^\"]*\")[^>]*>");
        int n = 0;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(epub.toFile())) {
            java.util.function.Function<String, String> read = name -> {
                try {
                    return new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            String opfPath = first("full-path=\"([^\"]+)\"", read.apply("META-INF/container.xml"));
            String opf = read.apply(opfPath);
            String folder = opfPath.contains("/") ? opfPath.substring(0, opfPath.lastIndexOf('/') + 1) : "";
            java.util.Map<String, String> hrefs = new java.util.HashMap<>();
            for (var item = java.util.regex.Pattern.compile("<item\\s[^>]*>").matcher(opf); item.find(); ) {
                hrefs.put(first("\\sid=\"([^\"]+)\"", item.group()), first("href=\"([^\"]+)\"", item.group()));
            }
            for (var ref = java.util.regex.Pattern.compile("<itemref\\s[^>]*idref=\"([^\"]+)\"").matcher(opf);
                 ref.find(); ) {
                String name = java.net.URI.create(folder).resolve(hrefs.get(ref.group(1))).getPath();
                for (var m = marker.matcher(read.apply(java.net.URLDecoder.decode(name, StandardCharsets.UTF_8)));
                     m.find(); ) {
                    n++;
                }
            }
        }
        return n;
    }

    private static String first(String regex, String text) {
        var m = java.util.regex.Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : "";
    }

    /** DAISY 3 narrated by eSpeak NG: the reference article and a real EPUB 3 book of the corpus. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"samples/article-ar.txt", "corpus/epub/trees.epub"})
    void daisy3(String input) throws Exception {
        TestSupport.cli("convert", Path.of("..", "shared", input).toString(), "-o", out.toString(), "--slug", "d3",
                "--daisy", "3", "-q").expect(0);
        io.rawi.check.ValidationReport r = io.rawi.check.Daisy3Validator.validate(out.resolve("d3/daisy3"));
        assertTrue(r.clean(), String.join("\n", r.messages()));
    }

    @Test
    void sectionsListsAndQuotations() throws Exception {
        Path md = out.resolve("sections.md");
        Files.writeString(md, """
                # دليل المكتبة

                تفتح المكتبة أبوابها كل صباح. ويستقبل الموظفون الزوار بترحاب.

                ## القاعات

                - قاعة المطالعة الكبرى.
                - قاعة الأطفال.

                > «الكتاب صديق لا يخون.» قالها أحد الزوار.

                #### مواعيد خاصة

                تغلق المكتبة يوم الجمعة.
                """, StandardCharsets.UTF_8);
        Path daisy = daisy(md, "sections");
        String ncc = Files.readString(daisy.resolve("ncc.html"), StandardCharsets.UTF_8);
        assertTrue(ncc.contains("<h2") && ncc.contains("<h3") && !ncc.contains("<h4"),
                "sections in the NCC, the h4 that skips a level brought to h3: " + ncc);
    }
}
