package io.rawi.epubin;

import io.rawi.book.Language;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A book's XHTML as rawi keeps it: what could run removed ({@link #sanitize}), an EPUB 2 document upgraded to EPUB 3
 * ({@link #upgrade}: its language, title, obsolete elements and attributes, images' text alternatives), and written
 * back as XHTML ({@link #serialise}; {@link #serialisePatched} keeps a published EPUB 3 document's own prolog).
 */
final class Xhtml {
    private Xhtml() {
    }

    private static final Set<String> DROPPED = Set.of("script", "noscript", "iframe", "object", "embed", "applet",
            "form", "input", "button", "select", "textarea", "frame", "frameset", "base", "portal");

    private static final Set<String> OBSOLETE_ATTRIBUTES = Set.of("align", "valign", "bgcolor", "border", "cellpadding",
            "cellspacing", "clear", "hspace", "vspace", "nowrap", "frame", "rules", "summary", "language", "charset",
            "rev", "axis", "char", "charoff", "compact", "noshade", "size", "link", "vlink", "alink", "text",
            "background");

    private static final Map<String, String> OBSOLETE_ELEMENTS = Map.of("center", "div", "font", "span", "big", "span",
            "tt", "code", "acronym", "abbr", "strike", "s", "u", "span");

    /** Removes scripts, forms, frames, event handlers and javascript: URLs; returns how many elements went. */
    static int sanitize(Document doc) {
        int removed = 0;
        for (Element e : new ArrayList<>(doc.select("*"))) {
            String local = e.tagName().contains(":") ? e.tagName().substring(e.tagName().indexOf(':') + 1) : e.tagName();
            if (DROPPED.contains(local.toLowerCase(Locale.ROOT))) {
                if (e.parent() != null) {
                    e.remove();
                    removed++;
                }
                continue;
            }
            for (org.jsoup.nodes.Attribute a : new ArrayList<>(e.attributes().asList())) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().strip().toLowerCase(Locale.ROOT);
                if (key.startsWith("on") || (key.equals("href") || key.equals("src") || key.endsWith(":href")
                        || key.equals("action") || key.equals("formaction")) && value.startsWith("javascript:")) {
                    e.removeAttr(a.getKey());
                }
            }
        }
        return removed;
    }

    /** Makes the document EPUB 3 XHTML: namespaces, language, direction, title, rawi's stylesheet, no obsolete markup. */
    static int upgrade(Document doc, Element html, Language language, String title, String href) {
        int missingAlt = 0;
        for (Node n : new ArrayList<>(doc.childNodes())) {
            if (n instanceof DocumentType || n instanceof org.jsoup.nodes.XmlDeclaration) {
                n.remove();
            }
        }
        html.attr("xmlns", "http://www.w3.org/1999/xhtml");
        html.attr("xmlns:epub", "http://www.idpf.org/2007/ops");
        html.attr("lang", language.tag());
        html.attr("xml:lang", language.tag());
        if (!html.hasAttr("dir") || language.rtl()) {
            html.attr("dir", language.dir());
        }
        Element head = html.selectFirst("head");
        if (head == null) {
            head = html.prependElement("head");
        }
        for (Element meta : head.select("meta[http-equiv]")) {
            meta.remove();
        }
        Element t = head.selectFirst("title");
        if (t == null) {
            t = head.prependElement("title");
        }
        if (t.text().isBlank()) {
            t.text(title);
        }
        String depth = "../".repeat((int) href.chars().filter(c -> c == '/').count() + 1);
        head.appendElement("link").attr("rel", "stylesheet").attr("type", "text/css")
                .attr("href", depth + "styles/rawi.css");
        for (Element e : new ArrayList<>(html.select("*"))) {
            String replacement = OBSOLETE_ELEMENTS.get(e.tagName());
            if (replacement != null) {
                e.tagName(replacement);
            }
            if (e.tagName().equals("a") && e.hasAttr("name")) {
                if (!e.hasAttr("id") && html.getElementById(e.attr("name")) == null) {
                    e.attr("id", e.attr("name"));
                }
                e.removeAttr("name");
            }
            for (String a : OBSOLETE_ATTRIBUTES) {
                if (!(a.equals("summary") && e.tagName().equals("details")) && !(a.equals("size") && e.tagName().equals("input"))) {
                    e.removeAttr(a);
                }
            }
            if ((e.hasAttr("width") || e.hasAttr("height"))
                    && !Set.of("img", "video", "canvas", "svg", "object", "embed", "iframe", "image", "rect").contains(e.tagName())) {
                e.removeAttr("width");
                e.removeAttr("height");
            }
            if (e.tagName().equals("img") && !e.hasAttr("alt")) {
                e.attr("alt", "");
                missingAlt++;
            }
        }
        return missingAlt;
    }

    /** A kept document as XHTML again: its own prolog (XML declaration, DOCTYPE) as it was. */
    static byte[] serialisePatched(Document doc) {
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .charset(StandardCharsets.UTF_8).prettyPrint(false);
        for (Node n : doc.childNodes()) {
            if (n instanceof org.jsoup.nodes.XmlDeclaration) {
                return doc.outerHtml().strip().concat("\n").getBytes(StandardCharsets.UTF_8);
            }
        }
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doc.outerHtml().strip() + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] serialise(Document doc) {
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .charset(StandardCharsets.UTF_8).prettyPrint(false);
        String body = doc.html();
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n" + body.strip() + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] serialiseXml(Document doc) {
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .charset(StandardCharsets.UTF_8).prettyPrint(false);
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doc.html().strip() + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
