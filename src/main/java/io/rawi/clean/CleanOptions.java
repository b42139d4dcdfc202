package io.rawi.clean;

import io.rawi.source.Language;

/**
 * What the cleaner is told about the text.
 *
 * @param language the document language; it picks the quotation marks and the digit shapes
 * @param digits   how to write digits
 */
public record CleanOptions(Language language, Digits digits) {
    /** Digit shapes: keep what the author wrote, or convert all to one system. */
    public enum Digits {
        KEEP, WESTERN, ARABIC_INDIC
    }
}
