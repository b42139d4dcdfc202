package io.rawi.epubin;

import io.rawi.EpubFixtures;
import io.rawi.book.Granularity;
import io.rawi.book.Imported;
import io.rawi.book.Language;
import io.rawi.error.BadInputException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link EpubReader}: a book's documents, files, table of contents and metadata, read from its zip entries. */
class EpubReaderTest {
    @Test
    void anEpub2BookIsReadForRebuilding() throws Exception {
        EpubReader.Result r = EpubReader.read("lighthouse.epub", EpubFixtures.epub2(), Granularity.SENTENCE,
                Optional.empty());
        assertEquals("The Lighthouse Log", r.title());
        assertEquals(List.of("Ada Fenwick"), r.authors());
        assertEquals(Optional.of(Language.of("en")), r.language());
        assertEquals(Optional.of("urn:uuid:3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"), r.identifier());
        assertEquals(Optional.of("Harbour Press"), r.publisher());
        assertEquals(Optional.of("2019-06-01"), r.date());
        Imported book = r.imported();
        assertTrue(book.original().isEmpty(), "EPUB 2: rebuilt, not patched");
        assertEquals(List.of("text/ch1.xhtml", "text/ch2.xhtml"), book.documents().stream().map(Imported.Document::href)
                .toList());
        assertEquals(List.of("Winter", "Spring"), book.documents().stream().map(Imported.Document::title).toList());
        List<String> files = book.files().stream().map(Imported.File::href).toList();
        assertTrue(files.contains("style/book.css") && files.contains("images/cover.png"), files.toString());
        assertFalse(files.stream().anyMatch(f -> f.endsWith(".js") || f.endsWith(".ncx") || f.endsWith(".opf")), files.toString());
        String css = new String(book.files().stream().filter(f -> f.href().equals("style/book.css")).findFirst()
                .orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertFalse(css.contains("direction"), "the stylesheet leaves direction to the markup: " + css);
        assertEquals(List.of("Winter", "Spring"), book.toc().stream().map(Imported.TocEntry::label).toList());
        assertEquals("The storm", book.toc().get(0).children().get(0).label());
        assertEquals(Optional.of("images/cover.png"), book.coverImage());
        assertEquals(r.paragraphs(), book.documents().stream().mapToInt(d -> d.paragraphs().size()).sum(),
                "the last paragraph number is the count of paragraphs read");
    }

    @Test
    void anEpub3BookIsKeptToBePatched() throws Exception {
        Map<String, byte[]> entries = EpubFixtures.epub3Rtl();
        EpubReader.Result r = EpubReader.read("rtl.epub", entries, Granularity.WORD, Optional.empty(), true, false);
        Imported book = r.imported();
        assertTrue(book.original().isPresent(), "EPUB 3: patched as published");
        assertTrue(book.files().isEmpty(), "a patched book's files stay where they are");
        assertTrue(r.language().map(Language::rtl).orElse(false), r.language().toString());
        assertFalse(book.documents().isEmpty());
    }

    @Test
    void aBookWithoutTextToNarrateIsAnInputError() throws Exception {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>(EpubFixtures.epub2());
        String empty = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "<head><title>x</title></head><body><div/></body></html>";
        entries.put("OEBPS/text/ch1.xhtml", empty.getBytes(StandardCharsets.UTF_8));
        entries.put("OEBPS/text/ch2.xhtml", empty.getBytes(StandardCharsets.UTF_8));
        BadInputException e = assertThrows(BadInputException.class, () -> EpubReader.read("empty.epub", entries,
                Granularity.SENTENCE, Optional.empty()));
        assertEquals("empty.epub: the book has no text to narrate", e.getMessage());
    }
}
