package io.rawi.clean;

/**
 * Something the cleaner noticed and left alone, because only a person can decide (a repeated word may be a typo
 * or rhetoric).
 */
public record Finding(String rule, String paragraph, int offset, String text, String message) {
}
