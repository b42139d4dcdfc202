package io.rawi.source;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Readability} on its own: which container is the article, what is chrome, what is dangerous. */
class ReadabilityTest {
    private static String prose(int sentences) {
        return "وقال المسؤول إن المشروع، الذي بدأ قبل عامين، سيكتمل في الربيع المقبل. ".repeat(sentences);
    }

    private static Document page() {
        return Jsoup.parse("<html><body>"
                + "<nav><ul><li><a href='/'>الرئيسية</a></li><li><a href='/a'>أخبار</a></li></ul></nav>"
                + "<div class='sidebar'><p>" + prose(2) + "</p></div>"
                + "<div id='story'><h1>العنوان</h1><p>" + prose(3) + "</p><p>" + prose(4) + "</p><p>" + prose(3)
                + "</p></div>"
                + "<div class='comments'><p>" + prose(1) + "</p></div>"
                + "<footer><p>حقوق النشر محفوظة</p></footer>"
                + "</body></html>");
    }

    @Test
    void theProseContainerIsTheArticleNotTheChromeAroundIt() {
        List<Element> article = Readability.article(page());
        assertEquals(1, article.size(), article.toString());
        assertEquals("story", article.get(0).id());
    }

    @Test
    void chromeIsKnownByTagClassAndPlace() {
        Document doc = page();
        assertTrue(Readability.unlikely(doc.selectFirst("nav")));
        assertTrue(Readability.unlikely(doc.selectFirst("div.sidebar")));
        assertTrue(Readability.unlikely(doc.selectFirst("div.comments")));
        assertTrue(Readability.unlikely(doc.selectFirst("footer")), "a page footer outside the article");
        assertFalse(Readability.unlikely(doc.selectFirst("#story")));
        Document inArticle = Jsoup.parse("<article><p>" + prose(2) + "</p><footer>المصدر: الوكالة</footer></article>");
        assertFalse(Readability.unlikely(inArticle.selectFirst("footer")), "the article's own footer is kept");
    }

    @Test
    void dangerousElementsAreRemovedAndCounted() {
        Document doc = Jsoup.parse("<body><p>نص</p><script>alert(1)</script><iframe src='x'></iframe>"
                + "<style>p{}</style><object></object><p>نص آخر</p></body>");
        int removed = Sanitizer.sanitize(doc);
        assertTrue(removed >= 4, "removed " + removed);
        assertTrue(doc.select("script, iframe, style, object").isEmpty(), doc.html());
        assertEquals(2, doc.select("p").size());
    }

    @Test
    void theLenientTryKeepsAnArticleInsideAContainerNamedLikeChrome() {
        Document doc = Jsoup.parse("<body><div class='comments-wrapper'><div id='main-text'><p>" + prose(3)
                + "</p><p>" + prose(3) + "</p></div></div><nav><a href='/'>x</a></nav></body>");
        List<Element> lenient = Readability.article(doc, false);
        assertFalse(lenient.isEmpty());
        assertTrue(lenient.get(0).text().contains("المشروع"), lenient.toString());
    }
}
