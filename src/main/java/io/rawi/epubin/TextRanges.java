package io.rawi.epubin;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Wrapping a range of an element's text (a sentence, a word) in a {@code span} with an id, across the inline
 * elements it crosses: the text as one string mapped back to its text nodes ({@link Mapped}), then the smallest
 * set of wraps that covers the range without breaking an element.
 */
final class TextRanges {
    private TextRanges() {
    }

    /** Wraps the characters {@code [start, end)} when they lie in one text node. */
    static boolean wrapInText(Mapped m, int start, int end, String id) {
        TextNode a = m.nodes.get(start);
        TextNode b = m.nodes.get(end - 1);
        if (a != b) {
            return false;
        }
        int from = m.offsets.get(start);
        int to = m.offsets.get(end - 1) + 1;
        TextNode middle = from > 0 ? a.splitText(from) : a;
        if (to - from < middle.getWholeText().length()) {
            middle.splitText(to - from);
        }
        Element span = new Element("span").attr("id", id);
        middle.before(span);
        span.appendChild(middle);
        return true;
    }

    /**
     * Wraps the characters {@code [start, end)} of {@code container} when both ends fall in its own text nodes or at
     * the edges of its child elements.
     */
    static boolean wrapRange(Element container, Mapped m, int start, int end, String id) {
        Node last = edge(container, m, end - 1, false);
        Node first = last == null ? null : edge(container, m, start, true);
        if (first != null && m.nodes.get(start) == last && first != last) {
            last = first; // the start split the same text node: the sentence is its tail
        }
        if (first == null || last == null || first.parent() != container || last.parent() != container) {
            return false;
        }
        if (first.siblingIndex() > last.siblingIndex()) {
            return false;
        }
        Element span = new Element("span").attr("id", id);
        first.before(span);
        List<Node> move = new ArrayList<>();
        for (Node n = first; n != null; n = n.nextSibling()) {
            move.add(n);
            if (n == last) {
                break;
            }
        }
        for (Node n : move) {
            span.appendChild(n);
        }
        return true;
    }

    /**
     * The child of {@code container} that starts (or ends) at character {@code at}, splitting a text node there when
     * needed; null when {@code at} falls inside a child element.
     */
    static Node edge(Element container, Mapped m, int at, boolean start) {
        TextNode t = m.nodes.get(at);
        int offset = m.offsets.get(at);
        Node child = t;
        while (child.parent() != container && child.parent() != null) {
            child = child.parent();
        }
        if (child.parent() == null) {
            return null;
        }
        if (child == t) {
            if (start) {
                return offset > 0 ? t.splitText(offset) : t;
            }
            if (offset + 1 < t.getWholeText().length()) {
                t.splitText(offset + 1);
            }
            return t;
        }
        Mapped inner = Mapped.of((Element) child);
        boolean atEdge = start ? inner.firstIndexIn(m, at) : inner.lastIndexIn(m, at);
        return atEdge ? child : null;
    }

    static Element wrapAll(Element e, String id) {
        Element span = new Element("span").attr("id", id);
        List<Node> children = new ArrayList<>(e.childNodes());
        e.appendChild(span);
        for (Node n : children) {
            span.appendChild(n);
        }
        return span;
    }

    /** The whitespace-collapsed text of an element, with each character's text node and offset there. */
    static final class Mapped {
        final String text;
        final List<TextNode> nodes;
        final List<Integer> offsets;

        private Mapped(String text, List<TextNode> nodes, List<Integer> offsets) {
            this.text = text;
            this.nodes = nodes;
            this.offsets = offsets;
        }

        static Mapped of(Element root) {
            StringBuilder sb = new StringBuilder();
            List<TextNode> nodes = new ArrayList<>();
            List<Integer> offsets = new ArrayList<>();
            boolean[] space = {true};
            root.traverse((node, depth) -> {
                if (!(node instanceof TextNode t) || silent(t, root)) {
                    return;
                }
                String s = t.getWholeText();
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    boolean ws = Character.isWhitespace(c) || c == '\u00a0';
                    if (ws) {
                        if (!space[0]) {
                            sb.append(' ');
                            nodes.add(t);
                            offsets.add(i);
                            space[0] = true;
                        }
                    } else {
                        sb.append(c);
                        nodes.add(t);
                        offsets.add(i);
                        space[0] = false;
                    }
                }
            });
            int len = sb.length();
            while (len > 0 && sb.charAt(len - 1) == ' ') {
                len--;
            }
            return new Mapped(sb.substring(0, len), nodes.subList(0, len), offsets.subList(0, len));
        }

        private static boolean silent(TextNode t, Element root) {
            for (Node n = t.parent(); n != null && n != root; n = n.parent()) {
                if (n instanceof Element e && Annotator.SILENT.contains(e.tagName())) {
                    return true;
                }
            }
            return false;
        }

        /** Whether character {@code at} of {@code outer} is this element's first character. */
        boolean firstIndexIn(Mapped outer, int at) {
            return !nodes.isEmpty() && nodes.get(0) == outer.nodes.get(at) && offsets.get(0).equals(outer.offsets.get(at));
        }

        /** Whether character {@code at} of {@code outer} is this element's last character. */
        boolean lastIndexIn(Mapped outer, int at) {
            int last = nodes.size() - 1;
            return last >= 0 && nodes.get(last) == outer.nodes.get(at) && offsets.get(last).equals(outer.offsets.get(at));
        }
    }
}
