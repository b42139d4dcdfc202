package io.rawi.epub;

/**
 * How the book is laid out.
 *
 * @param wordSpans wrap every word in a span with its id, for word-level read-aloud
 * @param cover     draw a cover image
 */
public record EpubOptions(boolean wordSpans, boolean cover) {
}
