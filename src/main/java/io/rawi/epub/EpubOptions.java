package io.rawi.epub;

import java.util.Optional;

/**
 * How the book is laid out.
 *
 * @param wordSpans  wrap every word in a span with its id, for word-level read-aloud
 * @param coverImage the cover, a PNG or JPEG (given by the user or drawn from the title); none when empty
 */
public record EpubOptions(boolean wordSpans, Optional<CoverImage> coverImage) {
    /** An image file's bytes and its media type. */
    public record CoverImage(byte[] bytes, String mediaType) {
        /** The media type from the file's first bytes: PNG or JPEG, else empty. */
        public static Optional<String> sniff(byte[] bytes) {
            return io.rawi.book.Image.sniff(bytes).filter(t -> t.equals("image/png") || t.equals("image/jpeg"));
        }
    }
}
