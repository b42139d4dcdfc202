package io.rawi.book;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The book model: metadata, the title page's narrated lines, and chapters. Immutable; every block has a stable id.
 */
public record Book(Metadata metadata, List<Paragraph> titlePage, List<Chapter> chapters) {
    public Book {
        titlePage = List.copyOf(titlePage);
        chapters = List.copyOf(chapters);
    }

    /** Every block in reading order: the title page, then each chapter's heading and paragraphs. */
    public List<Paragraph> blocks() {
        List<Paragraph> all = new ArrayList<>(titlePage);
        for (Chapter c : chapters) {
            all.add(c.heading());
            all.addAll(c.paragraphs());
        }
        return all;
    }

    /** The body paragraphs only, in reading order. */
    public Stream<Paragraph> bodyParagraphs() {
        return chapters.stream().flatMap(c -> c.paragraphs().stream());
    }
}
