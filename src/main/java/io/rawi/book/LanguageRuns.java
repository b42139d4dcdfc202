package io.rawi.book;


import java.util.ArrayList;
import java.util.List;

/**
 * Finds the runs of a paragraph written in a script other than its language's: Latin words inside Arabic text, Arabic
 * inside English. Such runs are marked with their own language and direction, so that they are laid out and spoken
 * correctly. Spaces, digits and punctuation between two foreign words belong to the run; at its edges they do not.
 */
public final class LanguageRuns {
    /** A foreign run {@code [start, end)} of the paragraph text. */
    public record Run(int start, int end, Language language) {
    }

    private LanguageRuns() {
    }

    public static List<Run> find(String text, Language paragraph) {
        List<Run> runs = new ArrayList<>();
        Character.UnicodeScript home = homeScript(paragraph);
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            Character.UnicodeScript s = Character.isLetter(cp) ? LanguageDetector.script(cp) : null;
            if (s == null || s == home || home == null || s == Character.UnicodeScript.COMMON
                    || s == Character.UnicodeScript.INHERITED) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int end = i;
            int j = i;
            while (j < text.length()) {
                int c = text.codePointAt(j);
                if (Character.isLetter(c)) {
                    if (LanguageDetector.script(c) != s) {
                        break;
                    }
                    end = j + Character.charCount(c);
                } else if (Character.getType(c) == Character.NON_SPACING_MARK && end == j) {
                    end = j + Character.charCount(c);
                }
                j += Character.charCount(c);
            }
            runs.add(new Run(start, end, LanguageDetector.detect(text.substring(start, end))));
            i = end;
        }
        return runs;
    }

    private static Character.UnicodeScript homeScript(Language language) {
        return switch (language.primary()) {
            case "ar", "fa", "ur", "ps", "ckb", "sd", "ug" -> Character.UnicodeScript.ARABIC;
            case "he", "yi" -> Character.UnicodeScript.HEBREW;
            case "ru", "uk", "bg", "sr", "mk", "be", "kk" -> Character.UnicodeScript.CYRILLIC;
            case "el" -> Character.UnicodeScript.GREEK;
            case "hi", "mr", "ne" -> Character.UnicodeScript.DEVANAGARI;
            case "zh", "ja", "ko", "th" -> null;
            default -> Character.UnicodeScript.LATIN;
        };
    }
}
