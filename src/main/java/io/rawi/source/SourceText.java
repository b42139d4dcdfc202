package io.rawi.source;

import io.rawi.book.Language;

import java.util.List;
import java.util.Optional;

/**
 * One chapter's worth of an input as read: its heading when it has one, and its blocks in order.
 *
 * @param location   the file, URL or {@code -} it was read from, for messages
 * @param headline   the chapter's title when the input gives one (a short first line, an {@code <h1>}, a {@code #})
 * @param blocks     the body, in reading order; text blocks trimmed and never empty
 * @param language   the language given by the input or detected from the script of the text
 */
public record SourceText(String location, Optional<String> headline, List<SourceBlock> blocks, Language language) {
    public SourceText {
        blocks = List.copyOf(blocks);
    }

    /** A chapter of plain paragraphs. */
    public static SourceText ofParagraphs(String location, Optional<String> headline, List<String> paragraphs,
                                          Language language) {
        return new SourceText(location, headline, paragraphs.stream().map(SourceBlock::paragraph).toList(), language);
    }

    /** The texts of the blocks that have text, in order. */
    public List<String> paragraphs() {
        return blocks.stream().filter(SourceBlock::hasText).map(SourceBlock::text).toList();
    }
}
