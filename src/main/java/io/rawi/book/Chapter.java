package io.rawi.book;

import io.rawi.source.Language;

import java.util.List;

/**
 * A chapter: one XHTML content document, with its heading and body paragraphs.
 *
 * @param number   1-based, in reading order
 * @param heading  its title, shown as {@code <h1>} and narrated
 */
public record Chapter(int number, Paragraph heading, List<Paragraph> paragraphs, Language language) {
    public Chapter {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The file stem of its content document: {@code chapter-001}. */
    public String name() {
        return String.format("chapter-%03d", number);
    }
}
