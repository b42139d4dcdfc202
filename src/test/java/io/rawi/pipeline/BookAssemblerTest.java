package io.rawi.pipeline;

import io.rawi.book.Book;
import io.rawi.book.Language;
import io.rawi.book.Paragraph;
import io.rawi.clean.CleanOptions;
import io.rawi.clean.CleanResult;
import io.rawi.source.SourceDocument;
import io.rawi.source.SourceText;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link BookAssembler} on its own: numbering across chapters, the identifier it derives, what is not said twice. */
class BookAssemblerTest {
    private static final Language AR = Language.ARABIC;

    private static SourceText chapter(String headline, String... paragraphs) {
        return SourceText.ofParagraphs("test", Optional.ofNullable(headline), List.of(paragraphs), AR);
    }

    private static Book assemble(ConvertOptions o, SourceText... chapters) throws Exception {
        List<SourceDocument> docs = java.util.Arrays.stream(chapters).map(SourceDocument::of).toList();
        return new BookAssembler().assemble(docs, o).book();
    }

    @Test
    void paragraphsAreNumberedOnAcrossChapters() {
        List<CleanResult> r = BookAssembler.clean(List.of(chapter("الأول", "فقرة أولى.", "فقرة ثانية."),
                chapter("الثاني", "فقرة ثالثة.")), src -> new CleanOptions(AR, CleanOptions.Digits.KEEP));
        assertEquals(List.of("h01", "p0001", "p0002"), r.get(0).ids());
        assertEquals(List.of("h02", "p0003"), r.get(1).ids());
    }

    @Test
    void theIdentifierFollowsTheContentUnlessOneIsGiven() throws Exception {
        ConvertOptions o = ConvertOptions.of(List.of("a.txt"));
        String one = assemble(o, chapter("عنوان", "نص المقال.")).metadata().identifier();
        assertEquals(one, assemble(o, chapter("عنوان", "نص المقال.")).metadata().identifier(), "the same input");
        assertNotEquals(one, assemble(o, chapter("عنوان", "نص آخر.")).metadata().identifier(), "other text");
        assertTrue(one.startsWith("urn:uuid:"), one);
    }

    /** A title cut from the first sentence is not read three times: the title page and heading that repeat it are shown, silent. */
    @Test
    void aTitleTakenFromTheFirstSentenceIsNotSaidAgain() throws Exception {
        Book b = assemble(ConvertOptions.of(List.of("a.txt")), chapter(null, "افتتحت البلدية مكتبة جديدة اليوم.",
                "وقالت المديرة إن المشروع استغرق سنوات."));
        assertTrue(b.silent().contains("t01") && b.silent().contains("h01"), b.silent().toString());
        List<String> said = b.narrated().stream().map(Paragraph::id).toList();
        assertEquals(List.of("p0001", "p0002"), said.stream().filter(id -> id.startsWith("p")).toList());
        assertTrue(!said.contains("t01") && !said.contains("h01"), said.toString());
    }
}
