package io.rawi.book;


import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A piece of a chapter's body as it is laid out: a paragraph, a section heading, a list, a block quotation or a figure.
 * Every narrated piece of text inside is a {@link Paragraph} with its own id.
 */
public sealed interface Block {
    /** The narrated paragraphs inside, in reading order. */
    Stream<Paragraph> paragraphs();

    /** A body paragraph. */
    record Text(Paragraph paragraph) implements Block {
        public Stream<Paragraph> paragraphs() {
            return Stream.of(paragraph);
        }
    }

    /**
     * A section heading inside a chapter.
     *
     * @param level 2 to 6, as in {@code <h2>}…{@code <h6>}
     */
    record Heading(int level, Paragraph paragraph) implements Block {
        public Heading {
            if (level < 2 || level > 6) {
                throw new IllegalArgumentException("section level " + level);
            }
        }

        public Stream<Paragraph> paragraphs() {
            return Stream.of(paragraph);
        }
    }

    /** A list, numbered or not; each item is one paragraph. */
    record ItemList(boolean ordered, List<Paragraph> items) implements Block {
        public ItemList {
            items = List.copyOf(items);
        }

        public Stream<Paragraph> paragraphs() {
            return items.stream();
        }
    }

    /** A block quotation of one or more paragraphs. */
    record Quote(List<Paragraph> body) implements Block {
        public Quote {
            body = List.copyOf(body);
        }

        public Stream<Paragraph> paragraphs() {
            return body.stream();
        }
    }

    /** A scene break, as {@code * * *} marks one: shown as a rule, not spoken. */
    record Break() implements Block {
        public Stream<Paragraph> paragraphs() {
            return Stream.empty();
        }
    }

    /** A figure: an image, and the caption under it when there is one. */
    record Figure(Image image, Optional<Paragraph> caption) implements Block {
        public Stream<Paragraph> paragraphs() {
            return caption.stream();
        }
    }
}
