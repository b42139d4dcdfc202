package io.rawi.book;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The book model: metadata, the title page's narrated lines, and chapters; or, for a book made from an existing EPUB,
 * its imported documents. Immutable; every block has a stable id.
 *
 * @param silent the ids of blocks shown but not narrated, because they repeat what the listener has just heard (a
 *               chapter heading that is the book's title, a title cut from the first sentence)
 */
public record Book(Metadata metadata, List<Paragraph> titlePage, List<Chapter> chapters, Optional<Imported> imported,
                   Set<String> silent) {
    public Book {
        titlePage = List.copyOf(titlePage);
        chapters = List.copyOf(chapters);
        silent = Set.copyOf(silent);
    }

    /** A book written by rawi: title page and chapters, every block narrated. */
    public Book(Metadata metadata, List<Paragraph> titlePage, List<Chapter> chapters) {
        this(metadata, titlePage, chapters, Optional.empty(), Set.of());
    }

    /** Every block that is narrated, in reading order. */
    public List<Paragraph> narrated() {
        List<Paragraph> all = blocks();
        all.removeIf(p -> silent.contains(p.id()));
        return all;
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
