package io.rawi.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A plain-text input as read from disk: its paragraphs in order, and a headline when the first line looks like one.
 *
 * @param path       where it was read from, for messages
 * @param headline   the first line when it reads as a title (short, no sentence punctuation) rather than a paragraph
 * @param paragraphs the body paragraphs, each trimmed, none empty
 * @param language   the language detected from the script of the text
 */
public record SourceText(Path path, Optional<String> headline, List<String> paragraphs, Language language) {
    public SourceText {
        paragraphs = List.copyOf(paragraphs);
    }
}
