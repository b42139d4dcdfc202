package io.rawi.epubin;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a rebuilt book's XHTML keeps: no script, no event handler, no javascript: URL; the text stays. */
class XhtmlTest {
    @Test
    void whatCouldRunIsRemovedAndCounted() {
        Document doc = Jsoup.parse("<html><head><script>alert(1)</script></head><body onload=\"x()\">"
                + "<p onclick=\"y()\">نص <a href=\" JavaScript:z()\">رابط</a> <a href=\"c2.xhtml\">آخر</a></p>"
                + "<iframe src=\"x.html\"></iframe><svg:script xmlns:svg=\"http://www.w3.org/2000/svg\"/>"
                + "<form action=\"javascript:w()\"><input/></form></body></html>", "", Parser.xmlParser());
        int removed = Xhtml.sanitize(doc);
        String out = new String(Xhtml.serialise(doc), StandardCharsets.UTF_8);
        assertEquals(5, removed, out); // script, iframe, svg:script, form, and the input inside it
        for (String gone : new String[] {"alert", "onload", "onclick", "javascript", "JavaScript", "iframe"}) {
            assertFalse(out.contains(gone), gone + " in " + out);
        }
        assertTrue(out.contains("نص") && out.contains("href=\"c2.xhtml\""), out);
    }
}
