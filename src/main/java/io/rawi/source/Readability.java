package io.rawi.source;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the article in a web page: strips everything executable and hidden, drops blocks whose names say they are
 * page chrome, scores the remaining containers by the prose they hold (long paragraphs with commas, few links), takes
 * the best one with the siblings that look like part of it, and then removes link lists, share bars and other chrome
 * left inside. A readability-style heuristic; the page is changed in place.
 */
final class Readability {
    private static final Pattern CHROME_ROLE =
            Pattern.compile("(?i)navigation|banner|contentinfo|complementary|search|dialog|alert");

    private static final Pattern UNLIKELY = Pattern.compile("(?i)-ad-|^ad-|\\bads?\\b|advert|agegate|banner|breadcrumb|"
            + "combx|comment|communit|cookie|consent|disqus|extra|footer|gdpr|header|legends|menu|masthead|modal|"
            + "newsletter|nav|outbrain|pager|pagination|popup|promo|related|recommend|remark|replies|rss|share|sharing|"
            + "shoutbox|sidebar|skyscraper|social|sponsor|subscribe|supplemental|taboola|toolbar|trending|widget|"
            + "most-read|read-more|signup|paywall");
    private static final Pattern MAYBE = Pattern.compile("(?i)and|article|body|column|content|main|shadow|story|entry|post");
    private static final Pattern POSITIVE = Pattern.compile("(?i)article|body|content|entry|hentry|h-entry|main|page|"
            + "pagination|post|text|blog|story|prose");
    private static final Pattern NEGATIVE = Pattern.compile("(?i)-ad-|\\bads?\\b|hidden|banner|combx|comment|com-|"
            + "contact|foot|footer|footnote|gdpr|masthead|media-links|meta|outbrain|promo|related|scroll|share|shoutbox|"
            + "sidebar|skyscraper|sponsor|shopping|tags|tool|widget|social|newsletter|subscribe|cookie|nav|menu|"
            + "recommend|trending|byline|author|dateline");
    private static final Set<String> SCORED = Set.of("p", "pre", "td", "blockquote", "h2", "h3");

    private final Map<Element, Double> scores = new IdentityHashMap<>();
    /** Whether chrome is recognised by its names (strict), or only by its links and emptiness (the second try). */
    private final boolean strict;

    private Readability(boolean strict) {
        this.strict = strict;
    }

    /** The article's root elements, in document order: the best container, or it and its related siblings. */
    static List<Element> article(Document doc) {
        return article(doc, true);
    }

    /**
     * The article's root elements. {@code strict}: blocks whose names say they are chrome are dropped first, as the
     * first try does; the second try, for pages where that left too little (an article inside a "sidebar" or
     * "comments" container), keeps them and judges by prose and links alone.
     */
    static List<Element> article(Document doc, boolean strict) {
        return new Readability(strict).find(doc);
    }

    private List<Element> find(Document doc) {
        Element body = doc.body();
        if (strict) {
            removeUnlikely(body);
        }
        Map<Element, int[]> counts = ElementCounts.counts(body);
        for (Element e : body.select("*")) {
            if (!SCORED.contains(e.tagName()) && !(e.tagName().equals("div") && !ElementCounts.hasBlockChild(e))) {
                continue;
            }
            int[] c = counts.get(e);
            String text = c[ElementCounts.ELEMENTS] > ElementCounts.MEASURED_ABOVE ? null : e.text();
            int length = text == null ? c[ElementCounts.LENGTH] : text.length();
            if (length < 25) {
                continue;
            }
            double score = 1 + (text == null ? c[ElementCounts.COMMAS] : ElementCounts.commas(text)) + Math.min(length / 100, 3);
            Element ancestor = e.parent();
            for (int level = 0; ancestor != null && level < 3; level++, ancestor = ancestor.parent()) {
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, initial(ancestor) + score / divider, (a, b) -> a + score / divider);
            }
        }
        Element top = null;
        double best = -1;
        for (Map.Entry<Element, Double> c : scores.entrySet()) {
            int[] n = counts.get(c.getKey());
            double density = n == null || n[ElementCounts.ELEMENTS] <= ElementCounts.MEASURED_ABOVE ? ElementCounts.linkDensity(c.getKey())
                    : n[ElementCounts.LENGTH] == 0 ? 0 : Math.min(1, (double) n[ElementCounts.LINKS] / n[ElementCounts.LENGTH]);
            double s = c.getValue() * (1 - density);
            scores.put(c.getKey(), s);
            if (s > best) {
                best = s;
                top = c.getKey();
            }
        }
        if (top == null) {
            return List.of(body);
        }
        // an article whose sections each scored nearly as well as the best one (steps, chapters in their own
        // containers): take the closest ancestor holding at least three of them, as readability.js does
        List<Element> close = new ArrayList<>();
        for (Map.Entry<Element, Double> c : scores.entrySet()) {
            if (c.getKey() != top && c.getValue() >= best * 0.75) {
                close.add(c.getKey());
            }
        }
        if (close.size() >= 3) {
            for (Element a = top.parent(); a != null && a != body; a = a.parent()) {
                int inside = 0;
                for (Element c : close) {
                    if (isAncestor(a, c)) {
                        inside++;
                    }
                }
                if (inside >= 3) {
                    top = a;
                    best = Math.max(best, scores.getOrDefault(a, best));
                    break;
                }
            }
        }
        // an article split over several sibling containers: climb while the parent holds much more of the prose
        while (top.parent() != null && top.parent() != body && scores.getOrDefault(top.parent(), 0.0) > best * 0.75
                && top.parent().children().size() > 1) {
            top = top.parent();
            best = scores.get(top);
        }
        List<Element> parts = new ArrayList<>();
        Element parent = top.parent();
        double threshold = Math.max(10, best * 0.2);
        for (Element sibling : parent == null ? List.of(top) : parent.children()) {
            if (sibling == top || isPartOf(sibling, threshold)) {
                parts.add(sibling);
            }
        }
        for (Element part : parts) {
            cleanInside(part);
        }
        return parts;
    }

    private static boolean isAncestor(Element a, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == a) {
                return true;
            }
        }
        return false;
    }

    private boolean isPartOf(Element sibling, double threshold) {
        if (scores.getOrDefault(sibling, 0.0) >= threshold && classWeight(sibling) >= 0) {
            return true;
        }
        if (!sibling.tagName().equals("p")) {
            return false;
        }
        String text = sibling.text();
        double density = ElementCounts.linkDensity(sibling);
        return text.length() > 80 && density < 0.25
                || text.length() > 0 && density == 0 && text.matches("(?s).*[.!?؟…]\\s*$");
    }

    private static void removeUnlikely(Element body) {
        List<Element> doomed = new ArrayList<>();
        for (Element e : body.select("*")) {
            if (unlikely(e)) {
                doomed.add(e);
            }
        }
        removeAll(doomed);
    }

    /**
     * Whether an element of the body is page chrome by its tag, role, class or id: navigation, a page header or
     * footer outside the article, a sidebar, comments, share bars, ads… Needs only the element and its ancestors, so
     * it also serves while the page is still being parsed.
     */
    static boolean unlikely(Element e) {
        String tag = e.tagName();
        if (tag.equals("article") || tag.equals("main") || tag.equals("body") || tag.equals("html") || tag.equals("a")
                || tag.equals("head") || e.parent() == null) {
            return false;
        }
        if (tag.equals("nav") || tag.equals("aside")) {
            return true;
        }
        if ((tag.equals("footer") || tag.equals("header")) && !insideArticle(e)) {
            return true;
        }
        if (!e.hasAttr("class") && !e.hasAttr("id") && !e.hasAttr("role")) {
            return false; // most elements: nothing to match
        }
        String role = e.attr("role");
        if (CHROME_ROLE.matcher(role).matches()) {
            return true;
        }
        String names = e.className() + " " + e.id() + " " + role;
        return UNLIKELY.matcher(names).find() && !MAYBE.matcher(names).find();
    }

    private static boolean insideArticle(Element e) {
        for (Element a = e.parent(); a != null; a = a.parent()) {
            if (a.tagName().equals("article") || a.tagName().equals("main") || a.attr("itemprop").equals("articleBody")) {
                return true;
            }
        }
        return false;
    }

    /** Within the article: link lists, share bars, chrome by name, and empty containers go. */
    private void cleanInside(Element root) {
        // each element's text, link text and images, counted once bottom-up: asking each element for its text would
        // walk its subtree again, quadratic in the depth (docs/BENCHMARKS.md: deep HTML). In document order, an
        // element is judged before anything inside it is removed, so the counts made first stay true for it
        Map<Element, int[]> counts = ElementCounts.counts(root);
        List<Element> doomed = new ArrayList<>();
        for (Element e : root.select("ul, ol, div, section, table, p, aside, footer, header, nav")) {
            if (e == root) {
                continue;
            }
            String tag = e.tagName();
            if (tag.equals("nav") || tag.equals("aside")) {
                doomed.add(e);
                continue;
            }
            int[] c = counts.get(e);
            int length = c[ElementCounts.LENGTH];
            double density = length == 0 ? 0 : Math.min(1, (double) c[ElementCounts.LINKS] / length);
            boolean noImage = c[ElementCounts.IMAGES] == 0;
            int weight = strict ? classWeight(e) : 0;
            boolean linkList = (tag.equals("ul") || tag.equals("ol")) && density > 0.5;
            boolean chrome = weight < 0 && (density > 0.2 || length < 200 || !tag.equals("p"));
            boolean links = !tag.equals("p") && density > 0.5 && noImage;
            boolean empty = length == 0 && noImage;
            if (linkList || chrome || links || empty) {
                doomed.add(e);
            }
        }
        removeAll(doomed);
    }

    /**
     * Removes {@code doomed} from the tree, each parent's list of children rewritten once: removing one child shifts
     * every sibling after it, and a page can give one element 200,000 children (the parser flattens nesting deeper
     * than 512 into siblings), which removed one at a time took most of a second. Nodes inside a doomed node go with
     * it, as when each is removed alone.
     */
    static void removeAll(List<? extends Node> doomed) {
        Map<Element, java.util.Set<Node>> byParent = new IdentityHashMap<>();
        for (Node n : doomed) {
            if (n.parentNode() instanceof Element parent) {
                byParent.computeIfAbsent(parent, k -> java.util.Collections.newSetFromMap(new IdentityHashMap<>()))
                        .add(n);
            }
        }
        byParent.forEach((parent, gone) -> {
            if (gone.size() < 8) {
                gone.forEach(Node::remove);
                return;
            }
            List<Node> kept = new ArrayList<>(parent.childNodeSize() - gone.size());
            for (Node c : parent.childNodes()) {
                if (!gone.contains(c)) {
                    kept.add(c);
                }
            }
            parent.empty();
            parent.appendChildren(kept);
        });
    }

    private double initial(Element e) {
        double s = switch (e.tagName()) {
            case "article" -> 10;
            case "main" -> 5;
            case "div" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        if (e.attr("itemprop").equals("articleBody")) {
            s += 25;
        }
        return s + classWeight(e);
    }

    private static int classWeight(Element e) {
        int w = 0;
        for (String name : List.of(e.className(), e.id())) {
            if (name.isEmpty()) {
                continue;
            }
            if (NEGATIVE.matcher(name).find()) {
                w -= 25;
            }
            if (POSITIVE.matcher(name).find()) {
                w += 25;
            }
        }
        return w;
    }

}
