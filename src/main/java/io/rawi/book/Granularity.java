package io.rawi.book;

/** How finely narration is synchronised with the text: what each media-overlay clip points at. */
public enum Granularity {
    PARAGRAPH, SENTENCE, WORD
}
