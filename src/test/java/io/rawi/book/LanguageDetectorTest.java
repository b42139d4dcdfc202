package io.rawi.book;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The language of a text from its letters' scripts. */
class LanguageDetectorTest {
    /** The quick answers for ASCII and Arabic letters are the JDK's, for every letter of Unicode. */
    @Test
    void theScriptOfEveryLetterIsTheJdks() {
        int letters = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (Character.isLetter(cp) || Character.isLowerCase(cp)) {
                assertEquals(Character.UnicodeScript.of(cp), LanguageDetector.script(cp), "U+" + Integer.toHexString(cp));
                letters++;
            }
        }
        assertEquals(true, letters > 100_000, "letters checked: " + letters);
    }

    @Test
    void scriptsNameTheirLanguages() {
        assertEquals("ar", LanguageDetector.detect("قالت المديرة إن المكتبة مفتوحة").tag());
        assertEquals("fa", LanguageDetector.detect("کتابخانه برای همه باز است").tag());
        assertEquals("he", LanguageDetector.detect("הספרייה פתוחה לכולם").tag());
        assertEquals("en", LanguageDetector.detect("The library is open, 9–17").tag());
        assertEquals("en", LanguageDetector.detect("2024 — 45%").tag());
    }
}
