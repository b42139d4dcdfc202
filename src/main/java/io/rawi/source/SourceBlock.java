package io.rawi.source;

import io.rawi.book.Image;

import java.util.Optional;

/**
 * One block of an input as read, before cleaning.
 *
 * @param type  what it is
 * @param level for a heading, 2 to 6 (the chapter's own heading is the {@link SourceText#headline()})
 * @param group blocks of the same list or quotation share a group number; other blocks have their own
 * @param text  the text (empty for a figure's image)
 * @param image the image of a {@link Type#FIGURE}
 */
public record SourceBlock(Type type, int level, int group, String text, Optional<Image> image) {
    /** The kinds of block. */
    public enum Type {
        PARAGRAPH, HEADING, ITEM, ORDERED_ITEM, QUOTE, FIGURE, CAPTION
    }

    /** Whether it carries text to clean, show and speak. */
    public boolean hasText() {
        return type != Type.FIGURE;
    }

    public static SourceBlock paragraph(String text) {
        return new SourceBlock(Type.PARAGRAPH, 0, 0, text, Optional.empty());
    }
}
