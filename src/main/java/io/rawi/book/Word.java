package io.rawi.book;

/** A word as written, with its stable id ({@code p0001s01w03}) and its span in the paragraph text. */
public record Word(String id, int start, int end, String text) {
}
