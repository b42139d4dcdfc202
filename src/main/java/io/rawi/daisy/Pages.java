package io.rawi.daisy;

import io.rawi.book.Book;
import io.rawi.book.Imported;
import io.rawi.book.Paragraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The print pages of a book that came as an EPUB, from its page-break markers ({@code epub:type="pagebreak"} or
 * {@code role="doc-pagebreak"}), each tied to the narrated block where its page begins: the block that holds the
 * marker, else the next one in reading order (the last block of the book for markers after it). A talking book gives
 * them as page targets: DAISY 2.02's {@code page-normal}, {@code page-front} and {@code page-special}, DAISY 3's
 * {@code pagenum} and page list. Other inputs have no print pages.
 */
final class Pages {
    private static final Pattern NORMAL = Pattern.compile("[0-9]+");
    private static final Pattern FRONT = Pattern.compile("(?i)[ivxlcdm]+");

    /**
     * A page.
     *
     * @param id    its id in the talking book ({@code page-0001}…), in reading order
     * @param label its number as printed: the marker's title, else its label, else its text
     * @param kind  {@code normal} (arabic numerals), {@code front} (roman numerals) or {@code special}
     */
    record Page(String id, String label, String kind) {
        /** The number of a normal page, or 0. */
        int number() {
            try {
                return kind.equals("normal") ? Integer.parseInt(label) : 0;
            } catch (NumberFormatException tooLong) {
                return 0;
            }
        }
    }

    private Pages() {
    }

    /**
     * The pages of {@code book}, by the id of the block where each begins, in reading order.
     *
     * @param parsed its documents, parsed, by id ({@link Sections#parsed})
     */
    static Map<String, List<Page>> of(Book book, Map<String, org.jsoup.nodes.Document> parsed) {
        Map<String, List<Page>> pages = new LinkedHashMap<>();
        if (book.imported().isEmpty()) {
            return pages;
        }
        List<String> waiting = new ArrayList<>(); // labels of pages whose block is still to come
        String last = null;
        int n = 0;
        for (Imported.Document d : book.imported().get().documents()) {
            Set<String> blocks = new HashSet<>();
            d.paragraphs().forEach(p -> blocks.add(p.id()));
            for (org.jsoup.nodes.Element e : parsed.get(d.id()).getAllElements()) {
                if (blocks.contains(e.id())) {
                    last = e.id();
                    for (String label : waiting) {
                        add(pages, last, ++n, label);
                    }
                    waiting.clear();
                } else if (marker(e)) {
                    String label = label(e);
                    if (label.isEmpty()) {
                        continue;
                    }
                    String holder = holder(e, blocks);
                    if (holder != null) {
                        add(pages, holder, ++n, label);
                    } else {
                        waiting.add(label);
                    }
                }
            }
        }
        if (last != null) {
            for (String label : waiting) {
                add(pages, last, ++n, label);
            }
        }
        return pages;
    }

    private static void add(Map<String, List<Page>> pages, String block, int n, String label) {
        String kind = NORMAL.matcher(label).matches() ? "normal" : FRONT.matcher(label).matches() ? "front"
                : "special";
        pages.computeIfAbsent(block, k -> new ArrayList<>())
                .add(new Page(String.format(Locale.ROOT, "page-%04d", n), label, kind));
    }

    private static boolean marker(org.jsoup.nodes.Element e) {
        for (String type : e.attr("epub:type").split("\\s+")) {
            if (type.equals("pagebreak")) {
                return true;
            }
        }
        for (String role : e.attr("role").split("\\s+")) {
            if (role.equals("doc-pagebreak")) {
                return true;
            }
        }
        return false;
    }

    private static String label(org.jsoup.nodes.Element e) {
        for (String attribute : List.of("title", "aria-label")) {
            String value = e.attr(attribute).strip();
            if (!value.isEmpty()) {
                return value;
            }
        }
        return e.text().strip();
    }

    /** The id of the narrated block that holds {@code e}, or null. */
    private static String holder(org.jsoup.nodes.Element e, Set<String> blocks) {
        for (org.jsoup.nodes.Element up = e.parent(); up != null; up = up.parent()) {
            if (blocks.contains(up.id())) {
                return up.id();
            }
        }
        return null;
    }

    /**
     * The entries of a section in reading order: its blocks, and its pages where they begin. A page that begins at
     * the section's heading comes right after it (the navigation starts each section at its heading).
     */
    static List<Entry> entries(Section s, Map<String, List<Page>> pages) {
        List<Entry> entries = new ArrayList<>();
        for (Paragraph p : s.blocks()) {
            List<Page> here = pages.getOrDefault(p.id(), List.of());
            if (p == s.heading()) {
                entries.add(new Entry(p, null));
                here.forEach(page -> entries.add(new Entry(null, page)));
            } else {
                here.forEach(page -> entries.add(new Entry(null, page)));
                entries.add(new Entry(p, null));
            }
        }
        return entries;
    }

    /** A block or a page: exactly one of the two. */
    record Entry(Paragraph block, Page page) {
    }

    /** How many pages of each kind, and the highest normal page number. */
    record Counts(int front, int normal, int special, int maxNormal) {
        static Counts of(Map<String, List<Page>> pages) {
            Map<String, Integer> byKind = new HashMap<>();
            int max = 0;
            for (List<Page> list : pages.values()) {
                for (Page p : list) {
                    byKind.merge(p.kind(), 1, Integer::sum);
                    max = Math.max(max, p.number());
                }
            }
            return new Counts(byKind.getOrDefault("front", 0), byKind.getOrDefault("normal", 0),
                    byKind.getOrDefault("special", 0), max);
        }

        int total() {
            return front + normal + special;
        }
    }
}
