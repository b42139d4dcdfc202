package io.rawi.source;

import io.rawi.book.Image;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks an article's elements into blocks as rawi reads them: paragraphs (split at double line breaks), headings,
 * list items, quotations, figures with their images and captions; loose text and images between blocks are
 * gathered into paragraphs of their own. Blocks of one list, quotation or figure share a group number.
 */
final class BlockWalker {
    private final String location;
    private final ImageLoader images;
    private final List<String> notes;
    private int group;

    BlockWalker(String location, ImageLoader images, List<String> notes) {
        this.location = location;
        this.images = images;
        this.notes = notes;
    }

    void walk(Element e, List<SourceBlock> out) {
        String tag = e.tagName();
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> text(e).ifPresent(t ->
                    out.add(new SourceBlock(SourceBlock.Type.HEADING, tag.charAt(1) - '0', ++group, t, Optional.empty())));
            case "p", "pre", "dt", "dd", "address", "caption" -> paragraph(e, SourceBlock.Type.PARAGRAPH, ++group, out);
            case "ul", "ol" -> list(e, tag.equals("ol"), ++group, out);
            case "blockquote" -> quote(e, out);
            case "figure" -> figure(e, out);
            case "img" -> image(e, Optional.empty(), ++group, out);
            case "table" -> {
                for (Element row : e.select("tr")) {
                    List<String> cells = new ArrayList<>();
                    for (Element cell : row.select("th, td")) {
                        text(cell).ifPresent(cells::add);
                    }
                    if (!cells.isEmpty()) {
                        out.add(new SourceBlock(SourceBlock.Type.PARAGRAPH, 0, ++group, String.join(" – ", cells), Optional.empty()));
                    }
                }
            }
            case "hr", "br" -> {
            }
            default -> container(e, out);
        }
    }

    /** A container: its block children in turn, and the loose inline text between them as paragraphs. */
    private void container(Element e, List<SourceBlock> out) {
        if (!ElementCounts.hasBlockChild(e)) {
            paragraph(e, SourceBlock.Type.PARAGRAPH, ++group, out);
            return;
        }
        StringBuilder loose = new StringBuilder();
        List<Element> looseImages = new ArrayList<>();
        for (Node n : e.childNodes()) {
            if (n instanceof Element c && ElementCounts.isBlock(c)) {
                flushLoose(loose, looseImages, out);
                walk(c, out);
            } else if (n instanceof TextNode t) {
                loose.append(t.text());
            } else if (n instanceof Element c) {
                if (c.tagName().equals("img")) {
                    looseImages.add(c);
                } else {
                    loose.append(' ').append(c.text()).append(' ');
                    looseImages.addAll(c.select("img"));
                }
            }
        }
        flushLoose(loose, looseImages, out);
    }

    private void flushLoose(StringBuilder loose, List<Element> looseImages, List<SourceBlock> out) {
        String t = HtmlReader.collapse(loose.toString());
        if (!t.isEmpty()) {
            out.add(new SourceBlock(SourceBlock.Type.PARAGRAPH, 0, ++group, t, Optional.empty()));
        }
        for (Element img : looseImages) {
            image(img, Optional.empty(), ++group, out);
        }
        loose.setLength(0);
        looseImages.clear();
    }

    private void paragraph(Element e, SourceBlock.Type type, int g, List<SourceBlock> out) {
        List<String> parts = splitAtDoubleBreaks(e);
        if (parts.size() > 1) {
            // <br><br> is how many pages separate paragraphs: each part is a paragraph of its own
            for (String part : parts) {
                out.add(new SourceBlock(type, 0, type == SourceBlock.Type.PARAGRAPH ? ++group : g, part, Optional.empty()));
            }
        } else {
            text(e).ifPresent(t -> out.add(new SourceBlock(type, 0, g, t, Optional.empty())));
        }
        for (Element img : e.select("img")) {
            image(img, Optional.empty(), ++group, out);
        }
    }

    /** The text of {@code e} cut where two line breaks follow each other (white space between them allowed). */
    static List<String> splitAtDoubleBreaks(Element e) {
        List<String> parts = new ArrayList<>();
        if (e.select("br").size() < 2) {
            return parts;
        }
        StringBuilder current = new StringBuilder();
        boolean lastWasBreak = false;
        for (Node n : e.childNodes()) {
            if (n instanceof Element c && c.tagName().equals("br")) {
                if (lastWasBreak) {
                    String t = HtmlReader.collapse(current.toString());
                    if (!t.isEmpty()) {
                        parts.add(t);
                    }
                    current.setLength(0);
                    lastWasBreak = false;
                } else {
                    current.append(' ');
                    lastWasBreak = true;
                }
            } else if (n instanceof TextNode t) {
                current.append(t.getWholeText());
                lastWasBreak &= t.isBlank();
            } else if (n instanceof Element c) {
                current.append(' ').append(c.text()).append(' ');
                lastWasBreak = false;
            }
        }
        String t = HtmlReader.collapse(current.toString());
        if (!t.isEmpty()) {
            parts.add(t);
        }
        return parts;
    }

    private void list(Element e, boolean ordered, int g, List<SourceBlock> out) {
        SourceBlock.Type type = ordered ? SourceBlock.Type.ORDERED_ITEM : SourceBlock.Type.ITEM;
        for (Element li : e.select("li")) {
            Element item = li.clone();
            item.select("ul, ol").remove();
            text(item).ifPresent(t -> out.add(new SourceBlock(type, 0, g, t, Optional.empty())));
            for (Element img : item.select("img")) {
                image(img, Optional.empty(), ++group, out);
            }
        }
    }

    private void quote(Element e, List<SourceBlock> out) {
        int g = ++group;
        boolean any = false;
        for (Element p : e.select("p")) {
            Optional<String> t = text(p);
            if (t.isPresent()) {
                out.add(new SourceBlock(SourceBlock.Type.QUOTE, 0, g, t.get(), Optional.empty()));
                any = true;
            }
        }
        if (!any) {
            text(e).ifPresent(t -> out.add(new SourceBlock(SourceBlock.Type.QUOTE, 0, g, t, Optional.empty())));
        }
    }

    private void figure(Element e, List<SourceBlock> out) {
        Element caption = e.selectFirst("figcaption");
        Optional<String> captionText = caption == null ? Optional.empty() : text(caption);
        List<Element> imgs = e.select("img");
        if (imgs.isEmpty()) {
            captionText.ifPresent(t -> out.add(new SourceBlock(SourceBlock.Type.PARAGRAPH, 0, ++group, t, Optional.empty())));
            return;
        }
        int g = ++group;
        boolean placed = false;
        for (Element img : imgs) {
            placed |= image(img, captionText, g, out);
        }
        if (captionText.isPresent()) {
            out.add(new SourceBlock(placed ? SourceBlock.Type.CAPTION : SourceBlock.Type.PARAGRAPH, 0, placed ? g : ++group,
                    captionText.get(), Optional.empty()));
        }
    }

    /** Adds a figure for {@code img} when it can be embedded; returns whether it was. */
    private boolean image(Element img, Optional<String> caption, int g, List<SourceBlock> out) {
        String src = img.attr("src");
        if (src.isBlank() && !img.attr("srcset").isBlank()) {
            src = img.attr("srcset").strip().split("[\\s,]+")[0];
        }
        if (src.isBlank()) {
            src = img.attr("data-src");
        }
        Optional<String> alt = img.hasAttr("alt") ? Optional.of(img.attr("alt")) : Optional.empty();
        Optional<Image> image = images.load(src, alt);
        if (image.isEmpty()) {
            return false;
        }
        if (alt.isEmpty()) {
            notes.add(location + ": image " + image.get().origin() + " has no alt text"
                    + (caption.isPresent() ? "; its caption describes it" : "; it is marked decorative in the book"));
        }
        out.add(new SourceBlock(SourceBlock.Type.FIGURE, 0, g, "", image));
        return true;
    }

    private static Optional<String> text(Element e) {
        String t = HtmlReader.collapse(e.text());
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }
}
