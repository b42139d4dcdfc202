package io.rawi.epubin;

import io.rawi.book.Granularity;
import io.rawi.book.Language;
import io.rawi.book.Paragraph;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Annotator} on its own: the ids it gives a book's blocks, sentences and words, in place. */
class AnnotatorTest {
    private static Document doc(String body) {
        return Jsoup.parse("<html xmlns='http://www.w3.org/1999/xhtml'><head><title>t</title></head><body>" + body
                + "</body></html>", "", Parser.xmlParser());
    }

    @Test
    void blocksGetIdsInReadingOrderAndSentencesGetSpans() {
        Document d = doc("<h2>الفصل الأول</h2><p>هذه جملة أولى. وهذه ثانية.</p><ul><li>بند أول.</li><li>بند ثان.</li></ul>"
                + "<p> </p><p id='kept'>فقرة لها معرّف من قبل.</p>");
        Annotator a = new Annotator(Granularity.SENTENCE, 5);
        List<Paragraph> ps = a.annotate(d.selectFirst("body"), Language.ARABIC);
        assertEquals(List.of("p0005", "p0006", "p0007", "p0008", "p0009"), ps.stream().map(Paragraph::id).toList(),
                "numbered from the first paragraph given, the empty block skipped");
        assertEquals(9, a.lastParagraph());
        assertEquals(Paragraph.Kind.HEADING, ps.get(0).kind());
        assertEquals(Paragraph.Kind.BODY, ps.get(1).kind());
        assertEquals(2, ps.get(1).sentences().size());
        for (Paragraph p : ps) {
            for (var s : p.sentences()) {
                assertNotNull(d.getElementById(s.id()), "a span for " + s.id());
            }
        }
        assertEquals("p0005", d.selectFirst("h2").id(), "a block without an id takes the paragraph's");
        assertNotNull(d.getElementById("kept"), "the book's own id stays");
        assertNotNull(d.getElementById("p0009"), "and the paragraph's id goes on a wrapper inside it");
        assertEquals("kept", d.getElementById("p0009").parent().id());
    }

    @Test
    void wordGranularityAddsWordSpansAndAnotherPrefixKeepsIdsUnique() {
        Document d = doc("<p id='p0001'>كلمة أخرى هنا.</p>");
        List<Paragraph> ps = new Annotator(Granularity.WORD, 1, "rp").annotate(d.selectFirst("body"),
                Language.ARABIC);
        assertEquals("rp0001", ps.get(0).id());
        var words = ps.get(0).sentences().get(0).words();
        assertEquals(3, words.size());
        for (var w : words) {
            assertNotNull(d.getElementById(w.id()), "a span for " + w.id());
        }
        assertEquals(1, d.select("[id=p0001]").size(), "the book's p0001 is not given twice");
    }

    @Test
    void foreignRunsTheBookDoesNotMarkGetTheirLanguage() {
        Document d = doc("<p>زار الوفد مدينة Paris في الربيع الماضي.</p>");
        new Annotator(Granularity.SENTENCE, 1).annotate(d.selectFirst("body"), Language.ARABIC);
        var run = d.selectFirst("span[lang=en], span[lang=fr]");
        assertNotNull(run, d.html());
        assertTrue(run.text().contains("Paris") && run.attr("dir").equals("ltr"), run.outerHtml());
    }
}
