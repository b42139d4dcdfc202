package io.rawi.source;

import io.rawi.book.Image;
import io.rawi.book.Language;
import io.rawi.book.LanguageDetector;
import io.rawi.error.BadInputException;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a Markdown article (CommonMark): {@code #} headings start chapters, deeper headings are sections, and lists,
 * block quotations and images are kept. Raw HTML is never passed through; its text is dropped with a note. Without a
 * {@code #} heading the whole file is one chapter and its shallowest headings are sections.
 */
public final class MarkdownReader {
    private final String location;
    private final ImageLoader images;
    private final List<String> notes;
    private int group;

    private MarkdownReader(String location, ImageLoader images, List<String> notes) {
        this.location = location;
        this.images = images;
        this.notes = notes;
    }

    /** Reads decoded Markdown; images are resolved against {@code folder} (or {@code url} for a fetched file). */
    public static SourceDocument read(String location, String markdown, Optional<Path> folder,
                                      Optional<java.net.URI> url, Fetcher fetcher) throws BadInputException {
        List<String> notes = new ArrayList<>();
        MarkdownReader reader = new MarkdownReader(location, new ImageLoader(location, folder, url, fetcher, notes), notes);
        String text = markdown.replace("\r\n", "\n").replace("\uFEFF", "");
        java.util.Map<String, String> front = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher fm = FRONT_MATTER.matcher(text);
        if (fm.lookingAt()) {
            for (String line : fm.group(1).split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && !line.startsWith(" ") && !line.startsWith("#")) {
                    String value = unquote(line.substring(colon + 1));
                    front.put(line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT), value);
                }
            }
            text = text.substring(fm.end());
        }
        Node doc = Parser.builder().build().parse(text);
        boolean chapters = false;
        int minLevel = 6;
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h) {
                chapters |= h.getLevel() == 1;
                minLevel = Math.min(minLevel, h.getLevel());
            }
        }
        List<SourceText> texts = new ArrayList<>();
        Optional<String> heading = Optional.empty();
        List<SourceBlock> blocks = new ArrayList<>();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (chapters && n instanceof Heading h && h.getLevel() == 1) {
                reader.flush(heading, blocks, texts);
                heading = Optional.of(inline(h)).filter(s -> !s.isEmpty());
                blocks = new ArrayList<>();
            } else if (n instanceof Heading h) {
                int level = chapters ? h.getLevel() : h.getLevel() - minLevel + 2;
                String t = inline(h);
                if (!t.isEmpty()) {
                    blocks.add(new SourceBlock(SourceBlock.Type.HEADING, Math.min(6, Math.max(2, level)), ++reader.group,
                            t, Optional.empty()));
                }
            } else {
                reader.block(n, blocks);
            }
        }
        reader.flush(heading, blocks, texts);
        if (texts.isEmpty()) {
            throw new BadInputException(location + ": the Markdown has no text to convert");
        }
        if (!chapters && texts.size() == 1 && texts.get(0).headline().isEmpty()) {
            // a single chapter whose first block is its only top heading: that heading is its title
            List<SourceBlock> b = new ArrayList<>(texts.get(0).blocks());
            long top = b.stream().filter(x -> x.type() == SourceBlock.Type.HEADING && x.level() == 2).count();
            if (!b.isEmpty() && b.get(0).type() == SourceBlock.Type.HEADING && top == 1 && b.size() > 1) {
                String title = b.remove(0).text();
                b.replaceAll(x -> x.type() == SourceBlock.Type.HEADING
                        ? new SourceBlock(x.type(), Math.max(2, x.level() - 1), x.group(), x.text(), x.image()) : x);
                texts.set(0, new SourceText(location, Optional.of(title), b, texts.get(0).language()));
            }
        }
        Optional<String> title = Optional.ofNullable(front.get("title")).filter(t -> !t.isBlank())
                .or(() -> texts.size() > 1 ? Optional.empty() : texts.get(0).headline());
        List<String> authors = new ArrayList<>();
        for (String key : List.of("author", "authors")) {
            if (front.containsKey(key)) {
                for (String a : front.get(key).replaceAll("^\\[|\\]$", "").split("\\s*[,،;]\\s*")) {
                    if (!a.isBlank()) {
                        authors.add(unquote(a));
                    }
                }
            }
        }
        Optional<Language> language = Language.declared(front.getOrDefault("lang", front.get("language")));
        if (language.isPresent()) {
            // the declared language wins over the script's guess when both read in the same direction
            texts.replaceAll(t -> t.language().rtl() == language.get().rtl()
                    ? new SourceText(t.location(), t.headline(), t.blocks(), language.get()) : t);
        }
        return new SourceDocument(location, texts, title, authors, Optional.ofNullable(front.get("date")),
                language, Optional.ofNullable(front.get("description")), Optional.empty(), notes);
    }

    /** A front-matter value without its surrounding white space and one pair of quotes. */
    private static String unquote(String value) {
        return value.strip().replaceAll("^[\"']|[\"']$", "");
    }

    /** YAML front matter: {@code ---} on the first line, {@code key: value} lines, {@code ---} (or {@code ...}). */
    private static final java.util.regex.Pattern FRONT_MATTER =
            java.util.regex.Pattern.compile("---[ \\t]*\\n((?:.*\\n)*?)(?:---|\\.\\.\\.)[ \\t]*(?:\\n|$)");

    private void flush(Optional<String> heading, List<SourceBlock> blocks, List<SourceText> into) {
        if (blocks.stream().noneMatch(SourceBlock::hasText) && heading.isEmpty()) {
            return;
        }
        if (blocks.stream().noneMatch(SourceBlock::hasText)) {
            blocks.add(SourceBlock.paragraph(heading.get()));
        }
        StringBuilder all = new StringBuilder(heading.orElse(""));
        blocks.forEach(b -> all.append('\n').append(b.text()));
        into.add(new SourceText(location, heading, blocks, LanguageDetector.detect(all)));
    }

    private void block(Node n, List<SourceBlock> out) {
        if (n instanceof Paragraph p) {
            paragraph(p, SourceBlock.Type.PARAGRAPH, ++group, out);
        } else if (n instanceof BulletList || n instanceof OrderedList) {
            list((ListBlock) n, n instanceof OrderedList, ++group, out);
        } else if (n instanceof BlockQuote q) {
            int g = ++group;
            for (Node c = q.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof Paragraph p) {
                    paragraph(p, SourceBlock.Type.QUOTE, g, out);
                } else {
                    block(c, out);
                }
            }
        } else if (n instanceof FencedCodeBlock f) {
            code(f.getLiteral(), out);
        } else if (n instanceof IndentedCodeBlock c) {
            code(c.getLiteral(), out);
        } else if (n instanceof HtmlBlock) {
            notes.add(location + ": a block of raw HTML left out (Markdown is read as text, never as markup)");
        }
    }

    private void code(String literal, List<SourceBlock> out) {
        String t = HtmlReader.collapse(literal);
        if (!t.isEmpty()) {
            out.add(new SourceBlock(SourceBlock.Type.PARAGRAPH, 0, ++group, t, Optional.empty()));
        }
    }

    private void list(ListBlock list, boolean ordered, int g, List<SourceBlock> out) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            List<Node> nested = new ArrayList<>();
            for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof ListBlock) {
                    nested.add(c);
                } else {
                    text.append(' ').append(c instanceof Paragraph p ? inline(p) : HtmlReader.collapse(literal(c)));
                }
            }
            String t = HtmlReader.collapse(text.toString());
            if (!t.isEmpty()) {
                out.add(new SourceBlock(ordered ? SourceBlock.Type.ORDERED_ITEM : SourceBlock.Type.ITEM, 0, g, t,
                        Optional.empty()));
            }
            for (Node n : nested) {
                list((ListBlock) n, ordered, g, out);
            }
        }
    }

    private void paragraph(Paragraph p, SourceBlock.Type type, int g, List<SourceBlock> out) {
        String t = inline(p);
        if (!t.isEmpty()) {
            out.add(new SourceBlock(type, 0, g, t, Optional.empty()));
        }
        List<org.commonmark.node.Image> found = new ArrayList<>();
        collectImages(p, found);
        for (org.commonmark.node.Image img : found) {
            String alt = inline(img);
            Optional<Image> image = images.load(img.getDestination(), Optional.of(alt));
            if (image.isPresent()) {
                if (alt.isEmpty()) {
                    notes.add(location + ": image " + img.getDestination() + " has no alt text; it is marked decorative in the book");
                }
                out.add(new SourceBlock(SourceBlock.Type.FIGURE, 0, ++group, "", image));
            }
        }
    }

    private static void collectImages(Node n, List<org.commonmark.node.Image> into) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof org.commonmark.node.Image i) {
                into.add(i);
            } else {
                collectImages(c, into);
            }
        }
    }

    /** The text of inline content: emphasis and links keep their words; images and raw HTML give none. */
    private static String inline(Node n) {
        StringBuilder sb = new StringBuilder();
        appendInline(n, sb);
        return HtmlReader.collapse(sb.toString());
    }

    private static void appendInline(Node n, StringBuilder sb) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Text t) {
                sb.append(t.getLiteral());
            } else if (c instanceof Code code) {
                sb.append(code.getLiteral());
            } else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
                sb.append(' ');
            } else if (c instanceof HtmlInline || c instanceof org.commonmark.node.Image && n instanceof Paragraph) {
                continue;
            } else {
                appendInline(c, sb);
            }
        }
    }

    private static String literal(Node n) {
        StringBuilder sb = new StringBuilder();
        appendInline(n, sb);
        return sb.toString();
    }
}
