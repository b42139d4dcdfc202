package io.rawi.epub;

import io.rawi.book.Block;
import io.rawi.book.Chapter;
import io.rawi.book.Image;
import io.rawi.book.Language;
import io.rawi.book.LanguageRuns;
import io.rawi.book.Paragraph;
import io.rawi.book.Sentence;
import io.rawi.book.Word;

import java.util.List;

/**
 * Writes XHTML content documents: the title page and one document per chapter. Every block and sentence carries its
 * stable id (and every word, when the book is synchronised by word); runs in another script are marked with their
 * language and direction. Direction comes from {@code dir} attributes only, never from CSS.
 */
final class ContentDocuments {
    private final boolean wordSpans;

    ContentDocuments(boolean wordSpans) {
        this.wordSpans = wordSpans;
    }

    static void openHtml(Xml x, Language lang, String title, String css) {
        x.start("html", "lang", lang.tag(), "xml:lang", lang.tag(), "dir", lang.dir())
                .namespace(null, Navigation.XHTML).namespace("epub", Navigation.OPS);
        x.start("head");
        x.empty("meta", "charset", "utf-8");
        x.leaf("title", title);
        x.empty("link", "rel", "stylesheet", "type", "text/css", "href", css);
        x.end();
    }

    byte[] titlePage(Language lang, String title, List<Paragraph> lines) {
        Xml x = Xml.document("<!DOCTYPE html>");
        openHtml(x, lang, title, "../styles/rawi.css");
        x.start("body", "class", "titlepage");
        x.start("section", "epub:type", "titlepage", "aria-label", title);
        for (Paragraph line : lines) {
            block(x, line.kind() == Paragraph.Kind.TITLE ? "h1" : "p", line,
                    line.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        x.end();
        x.end();
        x.end();
        return x.finish();
    }

    byte[] chapter(Chapter chapter) {
        Xml x = Xml.document("<!DOCTYPE html>");
        openHtml(x, chapter.language(), chapter.heading().text(), "../styles/rawi.css");
        x.start("body");
        x.start("section", "epub:type", "chapter", "role", "doc-chapter", "aria-labelledby", chapter.heading().id());
        block(x, "h1", chapter.heading(), null);
        for (Block b : chapter.blocks()) {
            if (b instanceof Block.Text t) {
                block(x, "p", t.paragraph(), null);
            } else if (b instanceof Block.Heading h) {
                block(x, "h" + h.level(), h.paragraph(), null);
            } else if (b instanceof Block.ItemList l) {
                x.start(l.ordered() ? "ol" : "ul");
                l.items().forEach(p -> block(x, "li", p, null));
                x.end();
            } else if (b instanceof Block.Quote q) {
                x.start("blockquote");
                q.body().forEach(p -> block(x, "p", p, null));
                x.end();
            } else if (b instanceof Block.Break) {
                x.empty("hr", "class", "scene-break");
            } else if (b instanceof Block.Figure f) {
                x.start("figure");
                x.empty("img", "src", "../" + imageHref(f.image()), "alt", f.image().alt().orElse(""));
                f.caption().ifPresent(c -> block(x, "figcaption", c, null));
                x.end();
            }
        }
        x.end();
        x.end();
        x.end();
        return x.finish();
    }

    /** Where an embedded image lives, relative to the package document. */
    static String imageHref(Image image) {
        return "images/" + image.name();
    }

    private void block(Xml x, String element, Paragraph p, String cssClass) {
        x.start(element, "id", p.id(), "class", cssClass);
        List<LanguageRuns.Run> runs = LanguageRuns.find(p.text(), p.language());
        int cursor = 0;
        for (Sentence s : p.sentences()) {
            text(x, p.text(), runs, cursor, s.start());
            x.startInline("span", "id", s.id());
            if (wordSpans) {
                int at = s.start();
                for (Word w : s.words()) {
                    text(x, p.text(), runs, at, w.start());
                    x.startInline("span", "id", w.id());
                    text(x, p.text(), runs, w.start(), w.end());
                    x.endInline();
                    at = w.end();
                }
                text(x, p.text(), runs, at, s.end());
            } else {
                text(x, p.text(), runs, s.start(), s.end());
            }
            x.endInline();
            cursor = s.end();
        }
        text(x, p.text(), runs, cursor, p.text().length());
        x.end();
    }

    /** Writes {@code text[from, to)}, wrapping the parts that fall in a foreign run in a language span. */
    private static void text(Xml x, String text, List<LanguageRuns.Run> runs, int from, int to) {
        int at = from;
        for (LanguageRuns.Run r : runs) {
            int start = Math.max(r.start(), at);
            int end = Math.min(r.end(), to);
            if (start >= end) {
                continue;
            }
            if (start > at) {
                x.text(text.substring(at, start));
            }
            String tag = r.language().tag();
            x.startInline("span", "lang", tag, "xml:lang", tag, "dir", r.language().dir())
                    .text(text.substring(start, end)).endInline();
            at = end;
        }
        if (to > at) {
            x.text(text.substring(at, to));
        }
    }
}
