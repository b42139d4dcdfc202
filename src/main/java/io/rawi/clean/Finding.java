package io.rawi.clean;

/**
 * Something the cleaner noticed and left alone, because only a person can decide (a repeated word may be a typo
 * or rhetoric).
 */
public record Finding(String rule, String paragraph, int offset, String text, String message) {
    /** The id of the rule that reports a word written twice in a row and leaves it. */
    public static final String REPEATED_WORD = "repeated-word";

    /** Whether the text was left as written (a repeated word); other findings report a repair to check. */
    public boolean leftAlone() {
        return rule.equals(REPEATED_WORD);
    }
}
