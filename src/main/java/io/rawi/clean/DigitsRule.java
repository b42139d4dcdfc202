package io.rawi.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes all digits in one system when asked ({@code --digits}); by default digits are kept as the author wrote them.
 * Arabic-Indic digits are ٠–٩, and ۰–۹ (the extended forms) for Persian and Urdu. Digits inside Latin words
 * ({@code MP3}) are left alone.
 */
final class DigitsRule extends ParagraphRule {
    private static final Pattern DIGITS = Pattern.compile("(?<!\\p{IsLatin})[0-9\\u0660-\\u0669\\u06F0-\\u06F9]+(?!\\p{IsLatin})");

    DigitsRule() {
        super("digits", "Writes digits as Western (0–9) or Arabic-Indic (٠–٩) when --digits asks for it.");
    }

    @Override
    List<Edit> edits(String paragraph, CleanOptions options) {
        List<Edit> edits = new ArrayList<>();
        if (options.digits() == CleanOptions.Digits.KEEP) {
            return edits;
        }
        String primary = options.language().primary();
        char zero = options.digits() == CleanOptions.Digits.WESTERN ? '0'
                : primary.equals("fa") || primary.equals("ur") ? '\u06F0' : '\u0660';
        Matcher m = DIGITS.matcher(paragraph);
        while (m.find()) {
            StringBuilder out = new StringBuilder();
            for (char c : m.group().toCharArray()) {
                out.append((char) (zero + Character.digit(c, 10)));
            }
            if (!out.toString().equals(m.group())) {
                edits.add(new Edit(m.start(), m.group(), out.toString()));
            }
        }
        return edits;
    }
}
