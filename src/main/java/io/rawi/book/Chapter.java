package io.rawi.book;

import io.rawi.internal.ZeroPad;

import java.util.List;

/**
 * A chapter: one XHTML content document, with its heading and body.
 *
 * @param number   1-based, in reading order
 * @param heading  its title, shown as {@code <h1>} and narrated
 * @param blocks   its body as laid out: paragraphs, section headings, lists, quotations, figures
 */
public record Chapter(int number, Paragraph heading, List<Block> blocks, Language language) {
    public Chapter {
        blocks = List.copyOf(blocks);
    }

    /** A chapter of plain paragraphs. */
    public static Chapter of(int number, Paragraph heading, List<Paragraph> paragraphs, Language language) {
        return new Chapter(number, heading, paragraphs.stream().<Block>map(Block.Text::new).toList(), language);
    }

    /** Every narrated paragraph of the body (section headings, list items, quotations and captions too), in order. */
    public List<Paragraph> paragraphs() {
        return blocks.stream().flatMap(Block::paragraphs).toList();
    }

    /** The file stem of its content document: {@code chapter-001}. */
    public String name() {
        return ZeroPad.of("chapter-", number, 3);
    }
}
