package io.rawi.source;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What readability's scoring and the extractor's checks measure of an element: its text length, links, images,
 * elements and commas, counted for a whole page in one pass from the leaves up (asking each element for its own
 * text is quadratic in deep pages); and whether an element is, or holds, a block.
 */
final class ElementCounts {
    private ElementCounts() {
    }

    /** Indexes into {@link #counts}' arrays. */
    static final int LENGTH = 0;
    static final int LINKS = 1;
    static final int IMAGES = 2;
    static final int ELEMENTS = 3;
    static final int COMMAS = 4;
    /**
     * Elements with more than this many elements inside are measured from {@link #counts}, not by asking for their
     * text: each such question walks the whole subtree, and nested containers (the parser keeps 512 levels, then
     * makes the rest siblings) made it quadratic in the depth. Real pages' paragraphs and
     * candidates hold far fewer, and keep their exact text.
     */
    static final int MEASURED_ABOVE = 2000;
    /**
     * For each element under {@code root}, in one bottom-up pass: its text's length (white space collapsed), its links'
     * text length, its images, the elements inside it, and the commas in its text.
     */
    static Map<Element, int[]> counts(Element root) {
        Map<Element, int[]> counts = new IdentityHashMap<>();
        org.jsoup.select.NodeTraversor.traverse(new org.jsoup.select.NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                // counted on the way out, when the children are done
            }

            @Override
            public void tail(Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return;
                }
                int[] c = new int[5];
                for (Node child : e.childNodes()) {
                    if (child instanceof org.jsoup.nodes.TextNode t) {
                        String text = t.text().strip();
                        c[LENGTH] += text.isEmpty() ? 0 : text.length() + (c[LENGTH] > 0 ? 1 : 0);
                        c[COMMAS] += commas(text);
                    } else if (child instanceof Element k) {
                        int[] kc = counts.get(k);
                        c[LENGTH] += kc[LENGTH] + (c[LENGTH] > 0 && kc[LENGTH] > 0 ? 1 : 0);
                        c[LINKS] += kc[LINKS];
                        c[IMAGES] += kc[IMAGES];
                        c[ELEMENTS] += kc[ELEMENTS] + 1;
                        c[COMMAS] += kc[COMMAS];
                    }
                }
                if (e.tagName().equals("a")) {
                    c[1] = c[0];
                }
                if (e.tagName().equals("img")) {
                    c[2]++;
                }
                counts.put(e, c);
            }
        }, root);
        return counts;
    }

    static double linkDensity(Element e) {
        int length = e.text().length();
        if (length == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length();
        }
        return Math.min(1, (double) links / length);
    }

    static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '،') {
                n++;
            }
        }
        return n;
    }

    static boolean hasBlockChild(Element e) {
        for (Element c : e.children()) {
            if (BLOCKS.contains(c.tagName())) {
                return true;
            }
        }
        return false;
    }

    static boolean isBlock(Element e) {
        return BLOCKS.contains(e.tagName());
    }
    static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "dd", "div", "dl",
            "dt", "figure", "figcaption", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
            "main", "nav", "ol", "p", "pre", "section", "table", "ul", "tbody", "thead", "tr", "td", "th");
}
