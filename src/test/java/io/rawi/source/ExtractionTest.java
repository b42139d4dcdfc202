package io.rawi.source;

import io.rawi.TestSupport;
import io.rawi.book.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Article extraction from web pages with page chrome around them, measured as word-level F1 against the article text
 * written by hand beside each page ({@code *.gold.txt}).
 */
class ExtractionTest {
    static final Path INPUTS = Path.of("src/test/resources/inputs");

    static SourceDocument read(String name) throws Exception {
        Path page = INPUTS.resolve(name);
        return HtmlReader.read(page.toString(), Files.readAllBytes(page), Optional.empty(),
                Optional.of(page.toAbsolutePath().getParent()), Optional.empty(), new Fetcher(Duration.ofSeconds(2)));
    }

    static String extracted(SourceDocument doc) {
        StringBuilder sb = new StringBuilder();
        for (SourceText t : doc.chapters()) {
            t.headline().ifPresent(h -> sb.append(h).append('\n'));
            t.paragraphs().forEach(p -> sb.append(p).append('\n'));
        }
        return sb.toString();
    }

    /** Word-level F1 of {@code got} against {@code gold}, counting repeated words as often as they occur. */
    static double f1(String got, String gold) {
        Map<String, Integer> want = counts(gold);
        Map<String, Integer> have = counts(got);
        int overlap = 0;
        for (Map.Entry<String, Integer> e : have.entrySet()) {
            overlap += Math.min(e.getValue(), want.getOrDefault(e.getKey(), 0));
        }
        int goldWords = want.values().stream().mapToInt(Integer::intValue).sum();
        int gotWords = have.values().stream().mapToInt(Integer::intValue).sum();
        if (overlap == 0) {
            return 0;
        }
        double precision = (double) overlap / gotWords;
        double recall = (double) overlap / goldWords;
        return 2 * precision * recall / (precision + recall);
    }

    private static Map<String, Integer> counts(String text) {
        Map<String, Integer> m = new HashMap<>();
        for (String w : text.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                m.merge(w, 1, Integer::sum);
            }
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"news-ar", "blog-en", "garden-fa", "longread-en"})
    void extractsTheArticleFromThePageChrome(String name) throws Exception {
        SourceDocument doc = read(name + ".html");
        String gold = Files.readString(INPUTS.resolve(name + ".gold.txt"), StandardCharsets.UTF_8);
        String got = extracted(doc);
        double f1 = f1(got, gold);
        System.out.printf("extraction F1 %s: %.3f%n", name, f1);
        assertTrue(f1 >= 0.95, name + ": F1 " + f1 + " < 0.95; extracted:\n" + got);
    }

    @Test
    void f1IsZeroForUnrelatedTextAndOneForTheSame() {
        assertEquals(1.0, f1("a b c", "a b c"), 1e-9);
        assertEquals(0.0, f1("x y", "a b"), 1e-9);
        assertEquals(0.8, f1("a b", "a b c d e f"
                .substring(0, 7)), 0.2);
    }

    @Test
    void metadataComesFromThePage() throws Exception {
        SourceDocument doc = read("news-ar.html");
        assertEquals(Optional.of("قطار جديد يربط الميناء بالجامعة"), doc.title());
        assertEquals(List.of("ليلى منصور"), doc.authors());
        assertEquals(Optional.of("2025-04-02"), doc.date());
        assertEquals("ar", doc.language().orElseThrow().tag());
        assertTrue(doc.language().orElseThrow().rtl());
        assertEquals(Optional.of("نشرة المدينة"), doc.publisher());
        SourceDocument blog = read("blog-en.html");
        assertEquals(List.of("Daniel Osei"), blog.authors());
        assertEquals(Optional.of("2025-03-18"), blog.date());
        assertEquals("en", blog.language().orElseThrow().tag());
        SourceDocument fa = read("garden-fa.html");
        assertEquals("fa", fa.language().orElseThrow().tag());
        assertEquals(List.of("مریم کاظمی"), fa.authors());
    }

    @Test
    void structureIsKept() throws Exception {
        SourceText t = read("news-ar.html").chapters().get(0);
        List<SourceBlock.Type> types = new ArrayList<>();
        t.blocks().forEach(b -> types.add(b.type()));
        assertTrue(types.contains(SourceBlock.Type.HEADING));
        assertEquals(3, types.stream().filter(x -> x == SourceBlock.Type.ITEM).count());
        assertTrue(types.contains(SourceBlock.Type.QUOTE));
        assertTrue(types.contains(SourceBlock.Type.CAPTION));
        List<SourceBlock> figures = t.blocks().stream().filter(b -> b.type() == SourceBlock.Type.FIGURE).toList();
        assertEquals(2, figures.size());
        assertEquals(Optional.of("القطار الجديد عند محطة الميناء"), figures.get(0).image().orElseThrow().alt());
        assertEquals(Optional.empty(), figures.get(1).image().orElseThrow().alt(), "the second image has no alt");
        assertTrue(read("news-ar.html").notes().stream().anyMatch(n -> n.contains("chart.png") && n.contains("no alt")));
    }

    @Test
    void nothingExecutableSurvives() throws Exception {
        for (String name : List.of("news-ar", "blog-en", "garden-fa", "longread-en")) {
            String got = extracted(read(name + ".html"));
            for (String bad : List.of("injected", "alert", "track", "_paq", "javascript", "<", "إعلان", "موافق")) {
                assertFalse(got.contains(bad), name + " kept '" + bad + "'");
            }
        }
    }

    @Test
    void markdownHeadingsBecomeChaptersAndSections() throws Exception {
        Path md = INPUTS.resolve("guide.md");
        List<String> notes = new ArrayList<>();
        SourceDocument doc = MarkdownReader.read(md.toString(), Files.readString(md), Optional.of(md.toAbsolutePath().getParent()),
                Optional.empty(), new Fetcher(Duration.ofSeconds(2)));
        notes.addAll(doc.notes());
        assertEquals(2, doc.chapters().size());
        assertEquals(Optional.of("Starting a neighbourhood library"), doc.chapters().get(0).headline());
        assertEquals(Optional.of("Keeping it going"), doc.chapters().get(1).headline());
        List<SourceBlock> first = doc.chapters().get(0).blocks();
        assertTrue(first.stream().anyMatch(b -> b.type() == SourceBlock.Type.HEADING && b.level() == 2
                && b.text().equals("Finding a place")));
        assertEquals(3, first.stream().filter(b -> b.type() == SourceBlock.Type.ORDERED_ITEM).count());
        assertEquals(1, first.stream().filter(b -> b.type() == SourceBlock.Type.QUOTE).count());
        assertEquals(Optional.of("A full shelf of donated books"), first.stream()
                .filter(b -> b.type() == SourceBlock.Type.FIGURE).findFirst().orElseThrow().image().orElseThrow().alt());
        assertEquals(3, doc.chapters().get(1).blocks().stream().filter(b -> b.type() == SourceBlock.Type.ITEM).count());
        assertFalse(extracted(doc).contains("alert"), "raw HTML is never passed through");
        assertTrue(notes.stream().anyMatch(n -> n.contains("raw HTML")));
        assertEquals(Language.ENGLISH.tag(), doc.chapters().get(0).language().tag());
        TestSupport.class.getName();
    }

    @Test
    void markdownFrontMatterGivesTheMetadata() throws Exception {
        String md = "---\ntitle: \"Notes from the reading room\"\nauthor: [Sara Haddad, Omar Aziz]\ndate: 2025-05-01\n"
                + "lang: en-GB\n---\n# First notes\n\nThe room opens at nine.\n\n# Second notes\n\nIt closes at six.\n";
        SourceDocument doc = MarkdownReader.read("notes.md", md, Optional.empty(), Optional.empty(),
                new Fetcher(Duration.ofSeconds(2)));
        assertEquals(Optional.of("Notes from the reading room"), doc.title());
        assertEquals(List.of("Sara Haddad", "Omar Aziz"), doc.authors());
        assertEquals(Optional.of("2025-05-01"), doc.date());
        assertEquals("en-GB", doc.chapters().get(0).language().tag());
        assertEquals(2, doc.chapters().size());
        assertFalse(extracted(doc).contains("title:"), "the front matter is not text");
    }

    @Test
    void doubleLineBreaksSeparateParagraphs() throws Exception {
        String page = "<html lang=\"en\"><body><div class=\"story\">First paragraph, with a comma, long enough to count "
                + "as prose here.<br><br>Second paragraph,<br>with a single break inside it, still one paragraph.<br/>\n"
                + "<br/>Third paragraph, the last one, also long enough to be prose.</div></body></html>";
        SourceDocument doc = HtmlReader.read("page.html", page.getBytes(StandardCharsets.UTF_8), Optional.empty(),
                Optional.empty(), Optional.empty(), new Fetcher(Duration.ofSeconds(2)));
        assertEquals(List.of("First paragraph, with a comma, long enough to count as prose here.",
                "Second paragraph, with a single break inside it, still one paragraph.",
                "Third paragraph, the last one, also long enough to be prose."), doc.chapters().get(0).paragraphs());
    }

    @Test
    void declaredLanguagesAreReadOrIgnored() throws Exception {
        assertEquals("ar-EG", Language.declared(" ar_EG ").orElseThrow().tag());
        assertEquals(Optional.empty(), Language.declared("und"), "undetermined is no declaration");
        assertEquals(Optional.empty(), Language.declared("x"));
        assertEquals(Optional.empty(), Language.declared(null));
        String page = "<html lang=\"und\"><body><article><p>A page that does not say its language, with enough text, "
                + "commas, and words to be an article.</p></article></body></html>";
        SourceDocument doc = HtmlReader.read("und.html", page.getBytes(StandardCharsets.UTF_8), Optional.empty(),
                Optional.empty(), Optional.empty(), new Fetcher(Duration.ofSeconds(2)));
        assertEquals("en", doc.language().orElseThrow().tag(), "detected from the script instead");
    }
}
