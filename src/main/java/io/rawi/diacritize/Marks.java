package io.rawi.diacritize;

/**
 * The Arabic letters that carry short vowels and the fifteen mark combinations a letter can carry: none, one of the
 * three short vowels, one of the three tanwin, sukun, shadda alone, or shadda with a vowel or tanwin.
 */
final class Marks {
    static final int NONE = 0;
    static final int CLASSES = 15;
    private static final char SHADDA = '\u0651';
    private static final char[] VOWEL = {0, '\u064E', '\u064F', '\u0650', '\u064B', '\u064C', '\u064D', '\u0652'};
    private static final String[] TEXT = new String[CLASSES];

    static {
        for (int c = 0; c < CLASSES; c++) {
            int vowel = c < 8 ? c : c - 8;
            // canonical (NFC) order: a vowel's combining class is below shadda's
            TEXT[c] = (vowel == 0 ? "" : String.valueOf(VOWEL[vowel])) + (c >= 8 ? String.valueOf(SHADDA) : "");
        }
    }

    private Marks() {
    }

    /** Letters of the Arabic alphabet (hamza forms, ta marbuta and alif maqsura included, and alif wasla). */
    static boolean isLetter(char c) {
        return (c >= '\u0621' && c <= '\u063A') || (c >= '\u0641' && c <= '\u064A') || c == '\u0671';
    }

    /** The eight harakat: tanwin, short vowels, shadda, sukun (U+064B to U+0652). */
    static boolean isMark(char c) {
        return c >= '\u064B' && c <= '\u0652';
    }

    /** The class of the marks in {@code s} from {@code from} to {@code to}, in any order; -1 if they do not combine. */
    static int classOf(CharSequence s, int from, int to) {
        boolean shadda = false;
        int vowel = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == SHADDA) {
                shadda = true;
                continue;
            }
            int v = switch (c) {
                case '\u064E' -> 1;
                case '\u064F' -> 2;
                case '\u0650' -> 3;
                case '\u064B' -> 4;
                case '\u064C' -> 5;
                case '\u064D' -> 6;
                case '\u0652' -> 7;
                default -> -1;
            };
            if (v < 0 || vowel != 0) {
                return -1;
            }
            vowel = v;
        }
        if (!shadda) {
            return vowel;
        }
        return vowel == 7 ? -1 : 8 + vowel;
    }

    /** The marks of class {@code c}, in canonical order. */
    static String text(int c) {
        return TEXT[c];
    }

    /** Whether class {@code c} is a tanwin, alone or with shadda. */
    static boolean tanwin(int c) {
        return (c >= 4 && c <= 6) || c >= 12;
    }

    /** Whether class {@code c} has a vowel, tanwin or sukun (not only shadda or nothing). */
    static boolean voweled(int c) {
        return c != NONE && c != 8;
    }
}
