package io.rawi.clean;

import org.apache.commons.text.StringEscapeUtils;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/** The standard rules, in the order they run. Order matters: spacing rules run after the characters are settled. */
public final class Rules {
    /** A letter or mark of the Arabic script. */
    static final String ARABIC = "[\\p{IsArabic}&&[\\p{L}\\p{M}]]";
    private static final String SPACE = "[ \\t\\f\\u000B\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]";

    private Rules() {
    }

    /** Every rule, in order of application (made once: rules hold no state). */
    public static List<Rule> standard() {
        return STANDARD;
    }

    private static final List<Rule> STANDARD = make();

    private static List<Rule> make() {
        return List.of(
                ParagraphRule.pattern("html-entities", "Decodes HTML character references such as &amp;quot; and &amp;#1575;.",
                        p -> p.indexOf('&') >= 0,
                        Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"),
                        m -> StringEscapeUtils.unescapeHtml4(m.group())),
                ParagraphRule.pattern("presentation-forms",
                        "Replaces Arabic presentation forms (legacy encodings of shaped letters) with ordinary letters.",
                        Rules::hasPresentationForms,
                        Pattern.compile("[\\uFB50-\\uFDFF\\uFE70-\\uFEFE]+"),
                        m -> Normalizer.normalize(m.group(), Normalizer.Form.NFKC)),
                ParagraphRule.pattern("unicode-nfc", "Puts characters in Unicode normalization form C.",
                        // each piece of a normalized text is normalized, so only a text that is not can change
                        p -> !Normalizer.isNormalized(p, Normalizer.Form.NFC),
                        Pattern.compile("(?s)\\P{M}\\p{M}*|\\p{M}+"),
                        m -> Normalizer.normalize(m.group(), Normalizer.Form.NFC)),
                ParagraphRule.pattern("tatweel",
                        "Removes tatweel (kashida), which only stretches letters; keeps it after a one-letter abbreviation (هـ).",
                        p -> p.indexOf('\u0640') >= 0,
                        Pattern.compile("(?:(?<!(?:^|[^\\p{L}\\p{M}])\\p{L})|(?=\\u0640+[\\p{L}\\p{M}]))\\u0640+"),
                        m -> ""),
                ParagraphRule.pattern("invisible-controls",
                        "Removes zero-width spaces, stray bidi controls, soft hyphens and control characters; keeps ZWNJ and ZWJ.",
                        Rules::hasInvisible,
                        Pattern.compile("[\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069\\u061C\\uFEFF\\u00AD"
                                + "\\u0000-\\u0008\\u000E-\\u001F\\u007F-\\u009F]+"),
                        m -> ""),
                ParagraphRule.pattern("whitespace",
                        "Turns tabs and special spaces into one plain space and trims the paragraph.",
                        Rules::untidySpace,
                        Pattern.compile(SPACE + "+"),
                        m -> m.start() == 0 || m.end() == m.regionEnd() ? "" : " "),
                ParagraphRule.pattern("arabic-punctuation",
                        "Writes a Latin comma, semicolon or question mark that follows an Arabic word as ، ؛ ؟.",
                        Rules::hasLatinPunctuation,
                        Pattern.compile("(?<=" + ARABIC + "[\"»”]? ?)([,;](?= ?[\"«“]?" + ARABIC + ")|\\?(?![\\p{IsLatin}\\d]))"),
                        m -> switch (m.group().charAt(0)) {
                            case ',' -> "،";
                            case ';' -> "؛";
                            default -> "؟";
                        }),
                ParagraphRule.pattern("space-before-punctuation",
                        "Removes the space before ، ؛ ؟ and, after an Arabic word, before : . !",
                        Rules::spaceBeforePunctuation,
                        Pattern.compile("(?<=\\S) +(?=[،؛؟])|(?<=" + ARABIC + ") +(?=[:.!](?![\\d.]))"),
                        m -> ""),
                ParagraphRule.pattern("space-after-punctuation", "Puts a space after ، ؛ ؟ when a word follows at once.",
                        Rules::hasArabicPunctuation,
                        Pattern.compile("[،؛؟](?=" + ARABIC + ")"),
                        m -> m.group() + " "),
                ParagraphRule.pattern("detached-waw", "Attaches the conjunction و to the word it belongs to: و الأمن → والأمن.",
                        p -> p.contains("و "),
                        Pattern.compile("(?<=^|[\\s(«“\"])و +(?=" + ARABIC + ")"),
                        m -> "و"),
                new QuoteRule(),
                new DigitsRule());
    }

    // The quick tests below are plain loops over the characters: a test given as a lambda per character costs a cold
    // start several times as much (a call through an interface for each character of the book, for each rule).

    /** Whether "presentation-forms" has work: an Arabic presentation form. */
    private static boolean hasPresentationForms(String p) {
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c >= 0xFB50 && c <= 0xFDFF || c >= 0xFE70 && c <= 0xFEFE) {
                return true;
            }
        }
        return false;
    }

    /** Whether "invisible-controls" has work. */
    private static boolean hasInvisible(String p) {
        for (int i = 0; i < p.length(); i++) {
            if (invisible(p.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether "arabic-punctuation" has work: a Latin comma, semicolon or question mark. */
    private static boolean hasLatinPunctuation(String p) {
        return p.indexOf(',') >= 0 || p.indexOf(';') >= 0 || p.indexOf('?') >= 0;
    }

    /** Whether "space-after-punctuation" has work: one of ، ؛ ؟ */
    private static boolean hasArabicPunctuation(String p) {
        return p.indexOf('،') >= 0 || p.indexOf('؛') >= 0 || p.indexOf('؟') >= 0;
    }

    /** The characters that "invisible-controls" removes. */
    private static boolean invisible(int c) {
        return c == 0x200B || c == 0x200E || c == 0x200F || c >= 0x202A && c <= 0x202E || c == 0x2060
                || c >= 0x2066 && c <= 0x2069 || c == 0x061C || c == 0xFEFF || c == 0x00AD
                || c <= 0x0008 || c >= 0x000E && c <= 0x001F || c >= 0x007F && c <= 0x009F;
    }

    /** The characters of {@link #SPACE}. */
    private static boolean space(int c) {
        return c == ' ' || c == '\t' || c == '\f' || c == 0x000B || c == 0x00A0 || c == 0x1680
                || c >= 0x2000 && c <= 0x200A || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /** Whether "whitespace" has work: a space other than U+0020, two in a row, or one at either end. */
    private static boolean untidySpace(String p) {
        int n = p.length();
        for (int i = 0; i < n; i++) {
            char c = p.charAt(i);
            if (space(c) && (c != ' ' || i == 0 || i == n - 1 || p.charAt(i + 1) == ' ')) {
                return true;
            }
        }
        return false;
    }

    /** Whether "space-before-punctuation" has work: a space just before one of ، ؛ ؟ : . ! */
    private static boolean spaceBeforePunctuation(String p) {
        for (int i = p.indexOf(' '); i >= 0 && i + 1 < p.length(); i = p.indexOf(' ', i + 1)) {
            char next = p.charAt(i + 1);
            if (next == '،' || next == '؛' || next == '؟' || next == ':' || next == '.' || next == '!') {
                return true;
            }
        }
        return false;
    }

    /**
     * Finds a word written twice in a row ({@code في في}), separated by spaces; reported for a person to judge, never
     * changed. A word is a run of letters and marks; after a pair, the search goes on after its second word. (It does
     * what the pattern {@code (?<![\p{L}\p{M}])([\p{L}\p{M}]+) +\1(?![\p{L}\p{M}])} does, in one pass over the
     * characters: on every paragraph, the pattern cost a cold start tens of milliseconds.)
     */
    static void repeatedWords(String paragraph, String id, List<Finding> into) {
        int n = paragraph.length();
        int i = 0;
        while (i < n) {
            int cp = paragraph.codePointAt(i);
            if (!letterOrMark(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int end = i; // a word starts at i (what is before it is not a letter or mark): where does it end?
            while (end < n && letterOrMark(paragraph.codePointAt(end))) {
                end += Character.charCount(paragraph.codePointAt(end));
            }
            int next = end;
            while (next < n && paragraph.charAt(next) == ' ') {
                next++;
            }
            int length = end - i;
            int after = next + length;
            if (next > end && paragraph.regionMatches(next, paragraph, i, length)
                    && (after == n || !letterOrMark(paragraph.codePointAt(after)))) {
                String word = paragraph.substring(i, end);
                into.add(new Finding(Finding.REPEATED_WORD, id, i, paragraph.substring(i, after),
                        "the word «" + word + "» is written twice in a row"));
                i = after;
            } else {
                i = end;
            }
        }
    }

    /** A letter or a mark (what {@code [\p{L}\p{M}]} matches). */
    private static boolean letterOrMark(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
