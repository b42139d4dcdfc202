package io.rawi.epub;

import io.rawi.book.Block;
import io.rawi.book.Book;
import io.rawi.book.Chapter;
import io.rawi.book.Image;
import io.rawi.book.Language;
import io.rawi.book.Metadata;
import io.rawi.book.Paragraph;
import io.rawi.book.Segmenter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EPUB 3 package that {@link EpubBuilder} lays out for a book rawi wrote, read back from its zip. */
class EpubBuilderTest {
    private static final Language AR = Language.ARABIC;

    private static Paragraph p(String id, Paragraph.Kind kind, String text) {
        return Segmenter.paragraph(id, kind, text, AR);
    }

    private static Book book(Optional<String> alt) {
        Metadata m = new Metadata("كتاب التجربة", List.of("كاتب"), AR, "urn:uuid:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                Instant.parse("2025-01-15T10:20:30Z"), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty());
        Image png = new Image("figure1.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0},
                alt, "test");
        Chapter one = new Chapter(1, p("h01", Paragraph.Kind.HEADING, "الفصل الأول"), List.of(
                new Block.Text(p("p0001", Paragraph.Kind.BODY, "هذه جملة أولى. وهذه جملة ثانية.")),
                new Block.Heading(2, p("p0002", Paragraph.Kind.HEADING, "قسم داخلي")),
                new Block.Figure(png, Optional.empty()),
                new Block.Text(p("p0003", Paragraph.Kind.BODY, "فقرة بعد الصورة."))), AR);
        Chapter two = Chapter.of(2, p("h02", Paragraph.Kind.HEADING, "الفصل الثاني"),
                List.of(p("p0004", Paragraph.Kind.BODY, "فقرة الفصل الثاني.")), AR);
        return new Book(m, List.of(p("t01", Paragraph.Kind.TITLE, "كتاب التجربة"),
                p("t02", Paragraph.Kind.AUTHOR, "كاتب")), List.of(one, two));
    }

    private static Map<String, String> unzip(EpubPackage pkg) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        pkg.write(Channels.newChannel(bytes));
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static String named(Map<String, String> files, String suffix) {
        return files.entrySet().stream().filter(e -> e.getKey().endsWith(suffix)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no " + suffix + " in " + files.keySet()));
    }

    @Test
    void chaptersSectionsAndTheTitlePageAreInTheSpineTheNavAndTheLandmarks() throws Exception {
        EpubPackage pkg = EpubBuilder.build(book(Optional.of("رسم بياني")), new EpubOptions(false, Optional.empty()));
        assertEquals(List.of("titlepage", "chapter-001", "chapter-002"), pkg.spine());
        assertEquals(List.of("الفصل الأول", "الفصل الثاني"), pkg.toc().stream().skip(1).map(EpubPackage.NavEntry::label)
                .toList());
        assertEquals(List.of("قسم داخلي"), pkg.toc().get(1).children().stream().map(EpubPackage.NavEntry::label)
                .toList(), "a section heading is a child of its chapter in the table of contents");
        assertTrue(pkg.landmarks().stream().anyMatch(l -> l.type().equals("bodymatter")
                && l.href().equals(EpubBuilder.href(book(Optional.empty()).chapters().get(0)))));
        Map<String, String> files = unzip(pkg);
        String opf = named(files, ".opf");
        assertTrue(opf.contains("page-progression-direction=\"rtl\""), opf);
        assertTrue(opf.contains("images/figure1.png") || opf.contains("figure1"), "the figure is in the manifest");
        assertTrue(opf.contains("alternativeText"), "every image has its text alternative");
        assertTrue(opf.contains("EPUB Accessibility 1.1"), "a conformance claim when nothing is missing");
        String chapter = named(files, "chapter-001.xhtml");
        assertTrue(chapter.contains("dir=\"rtl\"") && chapter.contains("lang=\"ar\""), chapter);
        assertTrue(chapter.contains("id=\"p0001\""), chapter);
        assertTrue(chapter.contains("alt=\"رسم بياني\""), chapter);
        assertFalse(pkg.resources().stream().anyMatch(r -> r.id().equals("cover-image")), "no cover was given");
    }

    @Test
    void anImageWithoutTextAlternativeDropsTheConformanceClaim() throws Exception {
        Map<String, String> files = unzip(EpubBuilder.build(book(Optional.empty()),
                new EpubOptions(false, Optional.empty())));
        String opf = named(files, ".opf");
        assertFalse(opf.contains("alternativeText"), opf);
        assertTrue(opf.contains("textual,visual"), "text alone no longer suffices: " + opf);
        assertFalse(opf.contains("EPUB Accessibility 1.1 - WCAG"), "no claim the book cannot keep: " + opf);
    }

    @Test
    void wordSpansAndACoverAreLaidOutOnlyWhenAsked() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1};
        EpubPackage pkg = EpubBuilder.build(book(Optional.of("رسم")),
                new EpubOptions(true, Optional.of(new EpubOptions.CoverImage(png, "image/png"))));
        assertTrue(pkg.resources().stream().anyMatch(r -> r.id().equals("cover-image")
                && r.properties().contains("cover-image") && r.href().equals("images/cover.png")));
        String words = named(unzip(pkg), "chapter-001.xhtml");
        String sentences = named(unzip(EpubBuilder.build(book(Optional.of("رسم")),
                new EpubOptions(false, Optional.empty()))), "chapter-001.xhtml");
        assertTrue(countOf(words, "<span") > countOf(sentences, "<span"),
                "word spans add elements: " + countOf(words, "<span") + " against " + countOf(sentences, "<span"));
    }

    private static int countOf(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
