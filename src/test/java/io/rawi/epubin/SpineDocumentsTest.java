package io.rawi.epubin;

import io.documentnode.epub4j.domain.Book;
import io.documentnode.epub4j.domain.MediaTypes;
import io.documentnode.epub4j.domain.Resource;
import io.rawi.book.Granularity;
import io.rawi.book.Imported;
import io.rawi.book.Language;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spine's documents of an EPUB input: rebuilt for EPUB 2, patched as published for EPUB 3, others left alone. */
class SpineDocumentsTest {
    private static final String CHAPTER = "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"ar\"><head><title>الفصل"
            + "</title></head><body><h1>عنوان</h1><p>قالت المديرة إن المكتبة مفتوحة للجميع.</p>"
            + "<img src=\"a.png\"/><script>alert(1)</script></body></html>";

    private static Book book(String... navToo) {
        Book book = new Book();
        book.getSpine().addResource(new Resource("c1", CHAPTER.getBytes(StandardCharsets.UTF_8), "c1.xhtml",
                MediaTypes.XHTML));
        book.getSpine().addResource(new Resource("pic", new byte[] {1}, "pic.png", MediaTypes.PNG));
        for (String nav : navToo) {
            book.getSpine().addResource(new Resource("nav", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><nav/>"
                    .concat("</body></html>").getBytes(StandardCharsets.UTF_8), nav, MediaTypes.XHTML));
        }
        return book;
    }

    private static SpineDocuments reader(Optional<Imported.Original> original, boolean keepOverlays,
                                         Optional<String> nav, List<String> notes) {
        return new SpineDocuments("b.epub", new Annotator(Granularity.SENTENCE, 1, "p"), original, true, keepOverlays,
                nav, Optional.empty(), Optional.empty(), new LinkedHashMap<>(), notes);
    }

    @Test
    void anEpub2DocumentIsRebuiltWithoutScriptsAndItsImagesMarked() throws Exception {
        List<String> notes = new ArrayList<>();
        SpineDocuments.Converted c = reader(Optional.empty(), false, Optional.empty(), notes).convert(book(), "كتاب");
        assertEquals(1, c.documents().size(), "the XHTML document only");
        Imported.Document d = c.documents().get(0);
        assertEquals("in-c1", d.id());
        assertEquals("الفصل", d.title());
        assertEquals(Language.of("ar"), c.firstLanguage());
        assertEquals(2, d.paragraphs().size(), "the heading and the paragraph");
        String xhtml = new String(d.xhtml(), StandardCharsets.UTF_8);
        assertFalse(xhtml.contains("<script"), xhtml);
        assertEquals(1, c.imagesWithoutAlt());
        assertTrue(notes.stream().anyMatch(n -> n.contains("pic.png (image/png) is kept out of the reading order")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("script or other executable element(s) dropped")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("1 image(s) without alt text")), notes.toString());
    }

    @Test
    void anEpub3DocumentIsPatchedAndItsNavigationLeftAlone() throws Exception {
        Imported.Original original = new Imported.Original("OEBPS/content.opf", Map.of(), false);
        List<String> notes = new ArrayList<>();
        SpineDocuments.Converted c = reader(Optional.of(original), false, Optional.of("nav.xhtml"), notes)
                .convert(book("nav.xhtml"), "كتاب");
        assertEquals(1, c.documents().size(), "the navigation document is kept as it is");
        Imported.Document d = c.documents().get(0);
        assertEquals("c1", d.id(), "a patched document keeps its manifest id");
        String xhtml = new String(d.xhtml(), StandardCharsets.UTF_8);
        assertTrue(xhtml.contains("<script"), "kept as published: " + xhtml);
        assertTrue(xhtml.contains("href=\"" + original.ownFolder() + EpubReader.OVERLAY_CSS + "\""),
                "the highlight's stylesheet, narrated: " + xhtml);
        assertTrue(notes.stream().anyMatch(n -> n.contains("pic.png (image/png) is kept as it is")), notes.toString());
        assertEquals(0, c.imagesWithoutAlt(), "a patched book's images are as published");

        SpineDocuments.Converted kept = reader(Optional.of(original), true, Optional.of("nav.xhtml"), new ArrayList<>())
                .convert(book("nav.xhtml"), "كتاب");
        assertTrue(kept.documents().isEmpty(), "a book keeping its own overlays keeps its documents as they are");
    }
}
