package io.rawi.epub;

import io.rawi.book.Metadata;

import java.util.List;

/**
 * Writes the navigation document (a {@code doc-toc} in reading order and landmarks that never point at the navigation
 * document itself) and the EPUB 2 NCX for older reading systems, whose {@code dtb:uid} is the book's identifier.
 */
final class Navigation {
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String OPS = "http://www.idpf.org/2007/ops";

    private final EpubPackage pkg;
    private int playOrder;

    Navigation(EpubPackage pkg) {
        this.pkg = pkg;
    }

    byte[] navDocument() {
        Metadata m = pkg.metadata();
        Labels labels = pkg.labels();
        Xml x = Xml.document("<!DOCTYPE html>");
        ContentDocuments.openHtml(x, m.language(), labels.contents(), "styles/rawi.css");
        x.start("body");
        x.start("nav", "epub:type", "toc", "role", "doc-toc", "id", "toc", "aria-labelledby", "toc-title");
        labelled(x, "h1", labels, m, labels.contents(), "toc-title");
        list(x, pkg.toc());
        x.end();
        x.start("nav", "epub:type", "landmarks", "hidden", "hidden", "aria-labelledby", "landmarks-title");
        labelled(x, "h2", labels, m, labels.landmarks(), "landmarks-title");
        x.start("ol");
        for (EpubPackage.Landmark l : pkg.landmarks()) {
            x.start("li");
            x.startInline("a", "epub:type", l.type(), "href", l.href()).text(l.label()).endInline();
            x.end();
        }
        x.end();
        x.end();
        x.end();
        x.end();
        return x.finish();
    }

    /** A heading in rawi's own words: marked as English when the book's language has no labels yet. */
    private static void labelled(Xml x, String element, Labels labels, Metadata m, String text, String id) {
        if (labels.matches(m.language())) {
            x.leaf(element, text, "id", id);
        } else {
            x.leaf(element, text, "id", id, "lang", "en", "xml:lang", "en", "dir", "ltr");
        }
    }

    private static void list(Xml x, List<EpubPackage.NavEntry> entries) {
        x.start("ol");
        for (EpubPackage.NavEntry e : entries) {
            x.start("li");
            x.startInline("a", "href", e.href()).text(e.label()).endInline();
            if (!e.children().isEmpty()) {
                list(x, e.children());
            }
            x.end();
        }
        x.end();
    }

    byte[] ncx() {
        Metadata m = pkg.metadata();
        Xml x = Xml.document(null);
        x.start("ncx", "version", "2005-1", "xml:lang", m.language().tag())
                .namespace(null, "http://www.daisy.org/z3986/2005/ncx/");
        x.start("head");
        x.empty("meta", "name", "dtb:uid", "content", m.identifier());
        x.empty("meta", "name", "dtb:depth", "content", String.valueOf(depth(pkg.toc())));
        x.empty("meta", "name", "dtb:totalPageCount", "content", "0");
        x.empty("meta", "name", "dtb:maxPageNumber", "content", "0");
        x.end();
        x.start("docTitle").leaf("text", m.title()).end();
        x.start("navMap");
        playOrder = 0;
        navPoints(x, pkg.toc());
        x.end();
        x.end();
        return x.finish();
    }

    private void navPoints(Xml x, List<EpubPackage.NavEntry> entries) {
        for (EpubPackage.NavEntry e : entries) {
            playOrder++;
            x.start("navPoint", "id", "np" + playOrder, "playOrder", String.valueOf(playOrder));
            x.start("navLabel").leaf("text", e.label()).end();
            x.empty("content", "src", e.href());
            navPoints(x, e.children());
            x.end();
        }
    }

    private static int depth(List<EpubPackage.NavEntry> entries) {
        return entries.stream().mapToInt(e -> 1 + depth(e.children())).max().orElse(0);
    }
}
