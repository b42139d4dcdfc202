package io.rawi.source;

import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What never reaches a book from a page: executable, embedded, interactive or hidden elements, and comments. */
final class Sanitizer {
    private Sanitizer() {
    }

    /** Elements that never reach a book: executable, embedded, interactive or presentational. */
    static final String DANGEROUS = "script, style, noscript, template, iframe, frame, frameset, object, embed, applet, "
            + "form, input, button, select, textarea, option, svg, math, canvas, video, audio, source, track, link, meta, "
            + "base, dialog, portal, map, area";
    /** {@link #DANGEROUS} parsed once. */
    static final org.jsoup.select.Evaluator DANGEROUS_ELEMENTS = org.jsoup.select.QueryParser.parse(DANGEROUS);
    /** The tag names of {@link #DANGEROUS}: a set lookup per element, where the selector tries each name in turn. */
    private static final Set<String> DANGEROUS_TAGS = Set.of(DANGEROUS.split(",\\s*"));
    /** Whether {@code e} is one of {@link #DANGEROUS}. */
    static boolean dangerous(Element e) {
        return DANGEROUS_TAGS.contains(e.normalName());
    }
    /**
     * Removes what is executable, embedded, hidden or a comment: done before anything else reads the page. Returns how
     * many executable or embedded elements went; page metadata ({@code meta}, {@code link}, {@code base}) is removed
     * without being counted.
     */
    static int sanitize(Document doc) {
        int removed = 0;
        for (Element e : doc.select(DANGEROUS_ELEMENTS)) {
            if (e.parent() != null) {
                e.remove();
                removed += e.tagName().equals("meta") || e.tagName().equals("link") || e.tagName().equals("base") ? 0 : 1;
            }
        }
        for (Element e : doc.select("[hidden], [aria-hidden=true], [style~=(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden]")) {
            if (e.parent() != null && !e.tagName().equals("body") && !e.tagName().equals("html")) {
                e.remove();
            }
        }
        List<Node> comments = new ArrayList<>();
        doc.forEachNode(n -> {
            if (n instanceof Comment) {
                comments.add(n);
            }
        });
        comments.forEach(Node::remove);
        return removed;
    }
}
