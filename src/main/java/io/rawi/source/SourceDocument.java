package io.rawi.source;

import io.rawi.book.Language;

import java.util.List;
import java.util.Optional;

/**
 * An input as read: one or more chapters, and what the input says about itself.
 *
 * @param location    the file, URL or {@code -} it was read from
 * @param chapters    at least one
 * @param title       the title the input declares (HTML {@code <title>}, {@code og:title}, JSON-LD headline)
 * @param authors     its authors, as declared
 * @param date        its publication date as written ({@code 2024-07-16})
 * @param language    its declared language, when it declares one
 * @param description its summary, as declared
 * @param publisher   its publisher or site name
 * @param notes       what the reader noticed and the user should know (an image without alt text, a dropped script)
 */
public record SourceDocument(String location, List<SourceText> chapters, Optional<String> title, List<String> authors,
                             Optional<String> date, Optional<Language> language, Optional<String> description,
                             Optional<String> publisher, List<String> notes) {
    public SourceDocument {
        chapters = List.copyOf(chapters);
        authors = List.copyOf(authors);
        notes = List.copyOf(notes);
        if (chapters.isEmpty()) {
            throw new IllegalArgumentException("no chapters");
        }
    }

    /** An input that says nothing about itself. */
    public static SourceDocument of(SourceText text) {
        return new SourceDocument(text.location(), List.of(text), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }
}
