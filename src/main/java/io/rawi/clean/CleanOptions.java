package io.rawi.clean;

import io.rawi.book.Language;

/**
 * What the cleaner is told about the text.
 *
 * @param language the document language; it picks the quotation marks and the digit shapes
 * @param digits   how to write digits
 * @param standalone the indices of the paragraphs that stand alone (headings, list items, captions): a quotation
 *                 neither runs into them nor out of them
 */
public record CleanOptions(Language language, Digits digits, java.util.Set<Integer> standalone) {
    public CleanOptions {
        standalone = java.util.Set.copyOf(standalone);
    }

    /** Options for running text, where every paragraph may continue a quotation. */
    public CleanOptions(Language language, Digits digits) {
        this(language, digits, java.util.Set.of());
    }

    /** Digit shapes: keep what the author wrote, or convert all to one system. */
    public enum Digits {
        KEEP, WESTERN, ARABIC_INDIC
    }
}
