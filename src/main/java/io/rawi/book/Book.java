package io.rawi.book;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The book model: metadata, the title page's narrated lines, and chapters; or, for a book made from an existing EPUB,
 * its imported documents. Immutable; every block has a stable id.
 */
public record Book(Metadata metadata, List<Paragraph> titlePage, List<Chapter> chapters, Optional<Imported> imported) {
    public Book {
        titlePage = List.copyOf(titlePage);
        chapters = List.copyOf(chapters);
    }

    /** A book written by rawi: title page and chapters. */
    public Book(Metadata metadata, List<Paragraph> titlePage, List<Chapter> chapters) {
        this(metadata, titlePage, chapters, Optional.empty());
    }

    /** Every block in reading order: the title page, then each chapter's heading and paragraphs. */
    public List<Paragraph> blocks() {
        List<Paragraph> all = new ArrayList<>(titlePage);
        for (Chapter c : chapters) {
            all.add(c.heading());
            all.addAll(c.paragraphs());
        }
        imported.ifPresent(i -> i.documents().forEach(d -> all.addAll(d.paragraphs())));
        return all;
    }

    /** The body paragraphs only, in reading order. */
    public Stream<Paragraph> bodyParagraphs() {
        return Stream.concat(chapters.stream().flatMap(c -> c.paragraphs().stream()),
                        imported.stream().flatMap(i -> i.documents().stream()).flatMap(d -> d.paragraphs().stream()))
                .filter(p -> p.kind() == Paragraph.Kind.BODY);
    }
}
