package io.rawi.book;

/**
 * Guesses a text's language from the scripts its letters belong to. It tells Arabic from Persian and Urdu by the
 * letters only those alphabets use, and otherwise names the main language of the dominant script. Thread-safe.
 */
public final class LanguageDetector {
    private static final Character.UnicodeScript[] SCRIPTS = Character.UnicodeScript.values();

    private LanguageDetector() {
    }

    /** The language of the dominant script in {@code text}, or English when the text has no letters at all. */
    public static Language detect(CharSequence text) {
        int[] counts = new int[SCRIPTS.length]; // by script: a count per letter, without a boxed number per letter
        int persian = 0;
        int urdu = 0;
        int arabic = 0; // the letters of the Arabic alphabet's main block, counted without a call (see script)
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c >= 0x0620 && c <= 0x064A && c != 0x0640) {
                arabic++;
                i++;
                continue;
            }
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            counts[script(cp).ordinal()]++;
            if (cp == 'پ' || cp == 'چ' || cp == 'ژ' || cp == 'گ' || cp == 'ک' || cp == 'ی') {
                persian++;
            } else if (cp == 'ٹ' || cp == 'ڈ' || cp == 'ڑ' || cp == 'ں' || cp == 'ے' || cp == 'ھ') {
                urdu++;
            }
        }
        counts[Character.UnicodeScript.ARABIC.ordinal()] += arabic;
        Character.UnicodeScript top = Character.UnicodeScript.LATIN; // no letters at all
        int most = 0;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > most) { // on a tie, the script that comes first
                most = counts[k];
                top = SCRIPTS[k];
            }
        }
        return Language.of(switch (top) {
            case ARABIC -> urdu > 0 ? "ur" : persian > 0 ? "fa" : "ar";
            case HEBREW -> "he";
            case CYRILLIC -> "ru";
            case GREEK -> "el";
            case DEVANAGARI -> "hi";
            case HAN -> "zh";
            case HIRAGANA, KATAKANA -> "ja";
            case HANGUL -> "ko";
            case THAI -> "th";
            case ARMENIAN -> "hy";
            case GEORGIAN -> "ka";
            default -> "en";
        });
    }

    /**
     * The script of the letter {@code cp}: {@link Character.UnicodeScript#of}, with the letters of ASCII and of the
     * Arabic alphabet's main block answered without its search of two thousand ranges (every letter of a book passes
     * here). For letters only: a digit or a sign in those ranges may belong to another script.
     */
    public static Character.UnicodeScript script(int cp) {
        if (cp < 0x80) {
            return Character.UnicodeScript.LATIN;
        }
        if (cp >= 0x0620 && cp <= 0x064A && cp != 0x0640) {
            return Character.UnicodeScript.ARABIC;
        }
        return Character.UnicodeScript.of(cp);
    }

    /** Whether {@code cp} is a letter of a right-to-left script (Arabic, Hebrew, Syriac, Thaana, N'Ko). */
    public static boolean isRtlLetter(int cp) {
        if (!Character.isLetter(cp)) {
            return false;
        }
        Character.UnicodeScript s = script(cp);
        return s == Character.UnicodeScript.ARABIC || s == Character.UnicodeScript.HEBREW
                || s == Character.UnicodeScript.SYRIAC || s == Character.UnicodeScript.THAANA
                || s == Character.UnicodeScript.NKO;
    }
}
