package io.rawi.clean;

import org.apache.commons.text.StringEscapeUtils;

import java.text.Normalizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The standard rules, in the order they run. Order matters: spacing rules run after the characters are settled. */
public final class Rules {
    /** A letter or mark of the Arabic script. */
    static final String ARABIC = "[\\p{IsArabic}&&[\\p{L}\\p{M}]]";
    private static final String SPACE = "[ \\t\\f\\u000B\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]";

    private Rules() {
    }

    /** Every rule, in order of application. */
    public static List<Rule> standard() {
        return List.of(
                ParagraphRule.pattern("html-entities", "Decodes HTML character references such as &amp;quot; and &amp;#1575;.",
                        Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"),
                        m -> StringEscapeUtils.unescapeHtml4(m.group())),
                ParagraphRule.pattern("presentation-forms",
                        "Replaces Arabic presentation forms (legacy encodings of shaped letters) with ordinary letters.",
                        Pattern.compile("[\\uFB50-\\uFDFF\\uFE70-\\uFEFE]+"),
                        m -> Normalizer.normalize(m.group(), Normalizer.Form.NFKC)),
                ParagraphRule.pattern("unicode-nfc", "Puts characters in Unicode normalization form C.",
                        Pattern.compile("(?s)\\P{M}\\p{M}*|\\p{M}+"),
                        m -> Normalizer.normalize(m.group(), Normalizer.Form.NFC)),
                ParagraphRule.pattern("tatweel",
                        "Removes tatweel (kashida), which only stretches letters; keeps it after a one-letter abbreviation (هـ).",
                        Pattern.compile("(?:(?<!(?:^|[^\\p{L}\\p{M}])\\p{L})|(?=\\u0640+[\\p{L}\\p{M}]))\\u0640+"),
                        m -> ""),
                ParagraphRule.pattern("invisible-controls",
                        "Removes zero-width spaces, stray bidi controls, soft hyphens and control characters; keeps ZWNJ and ZWJ.",
                        Pattern.compile("[\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069\\u061C\\uFEFF\\u00AD"
                                + "\\u0000-\\u0008\\u000E-\\u001F\\u007F-\\u009F]+"),
                        m -> ""),
                ParagraphRule.pattern("whitespace",
                        "Turns tabs and special spaces into one plain space and trims the paragraph.",
                        Pattern.compile(SPACE + "+"),
                        m -> m.start() == 0 || m.end() == m.regionEnd() ? "" : " "),
                ParagraphRule.pattern("arabic-punctuation",
                        "Writes a Latin comma, semicolon or question mark that follows an Arabic word as ، ؛ ؟.",
                        Pattern.compile("(?<=" + ARABIC + "[\"»”]? ?)([,;](?= ?[\"«“]?" + ARABIC + ")|\\?(?![\\p{IsLatin}\\d]))"),
                        m -> switch (m.group().charAt(0)) {
                            case ',' -> "،";
                            case ';' -> "؛";
                            default -> "؟";
                        }),
                ParagraphRule.pattern("space-before-punctuation",
                        "Removes the space before ، ؛ ؟ and, after an Arabic word, before : . !",
                        Pattern.compile("(?<=\\S) +(?=[،؛؟])|(?<=" + ARABIC + ") +(?=[:.!](?![\\d.]))"),
                        m -> ""),
                ParagraphRule.pattern("space-after-punctuation", "Puts a space after ، ؛ ؟ when a word follows at once.",
                        Pattern.compile("[،؛؟](?=" + ARABIC + ")"),
                        m -> m.group() + " "),
                ParagraphRule.pattern("detached-waw", "Attaches the conjunction و to the word it belongs to: و الأمن → والأمن.",
                        Pattern.compile("(?<=^|[\\s(«“\"])و +(?=" + ARABIC + ")"),
                        m -> "و"),
                new QuoteRule(),
                new DigitsRule());
    }

    /** Finds a word written twice in a row ({@code في في}); reported for a person to judge, never changed. */
    static void repeatedWords(String paragraph, String id, List<Finding> into) {
        Matcher m = REPEATED.matcher(paragraph);
        while (m.find()) {
            into.add(new Finding("repeated-word", id, m.start(), m.group(),
                    "the word «" + m.group(1) + "» is written twice in a row"));
        }
    }

    private static final Pattern REPEATED =
            Pattern.compile("(?<![\\p{L}\\p{M}])([\\p{L}\\p{M}]+) +\\1(?![\\p{L}\\p{M}])");
}
