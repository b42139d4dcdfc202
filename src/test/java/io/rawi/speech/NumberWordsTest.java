package io.rawi.speech;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NumberWordsTest {
    @Test
    void numbersAreSpelledByCldrRules() {
        assertEquals("אלף תשע מאות ארבעים ושמונה", NumberWords.spell("1948", "he"));
        assertEquals("one thousand nine hundred forty-eight", NumberWords.spell("1948", "en"));
        assertEquals("three point five", NumberWords.spell("3.5", "en"));
        assertEquals("one thousand", NumberWords.spell("1,000", "en"), "a comma before three digits groups");
        assertEquals("one point five", NumberWords.spell("1,5", "en"), "else it is a decimal comma");
        assertEquals("שלוש", NumberWords.spell("٣", "he"), "digits of any script");
        assertEquals("v two", NumberWords.spell("v2", "en"), "a number inside a word stands apart");
        assertEquals("(ten)", NumberWords.spell("(10)", "en"), "punctuation stays where it was");
        assertEquals("שלום", NumberWords.spell("שלום", "he"), "no digit, no change");
    }
}
