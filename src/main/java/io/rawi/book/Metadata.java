package io.rawi.book;


import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the package document says about the book.
 *
 * @param identifier a URN, {@code urn:uuid:…}
 * @param modified   the {@code dcterms:modified} instant, whole seconds, UTC
 */
public record Metadata(String title, List<String> authors, Language language, String identifier, Instant modified,
                       Optional<String> publisher, Optional<String> description, List<String> subjects,
                       Optional<String> rights, Optional<String> published) {
    public Metadata {
        authors = List.copyOf(authors);
        subjects = List.copyOf(subjects);
    }
}
