package io.rawi.epubin;

import io.rawi.EpubFixtures;
import io.rawi.book.Imported;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The table of contents of an EPUB 3 book without an NCX, from its navigation document. */
class TableOfContentsTest {
    @Test
    void theNavigationDocumentsTocPointsIntoTheDocuments() throws Exception {
        var checked = EpubArchive.check("b.epub", EpubFixtures.epub3Rtl());
        var book = EpubArchive.parse(checked.entries());
        List<Imported.TocEntry> toc = TableOfContents.of("b.epub", book, Optional.of("nav.xhtml"),
                Set.of("c1.xhtml", "c2.xhtml", "c3.xhtml"));
        assertEquals(2, toc.size(), toc.toString());
        assertEquals(new Imported.TocEntry("الرسالة الأولى", "c1.xhtml",
                List.of(new Imported.TocEntry("الطريق", "c1.xhtml#road", List.of()))), toc.get(0));
        assertEquals("c2.xhtml", toc.get(1).href());
        // an entry whose document is not narrated gives way to its children
        List<Imported.TocEntry> without = TableOfContents.of("b.epub", book, Optional.of("nav.xhtml"),
                Set.of("c2.xhtml"));
        assertEquals(List.of(new Imported.TocEntry("الرسالة الثانية", "c2.xhtml", List.of())), without);
    }
}
