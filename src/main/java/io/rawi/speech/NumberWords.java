package io.rawi.speech;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;

import java.util.HashMap;
import java.util.Map;

/**
 * Numbers written out in words by CLDR's spell-out rules (ICU4J's {@link RuleBasedNumberFormat}), for voices whose
 * engine skips digits: eSpeak NG's Hebrew reads «1948» as nothing at all. Digits of any script count (٣ as 3); a
 * decimal point or comma between digits is read as the language's decimal word. Thread-safe (a formatter per thread).
 */
final class NumberWords {
    private static final ThreadLocal<Map<String, RuleBasedNumberFormat>> FORMATS = ThreadLocal.withInitial(HashMap::new);
    /** 1,000,000: commas between groups of three. */
    private static final java.util.regex.Pattern GROUPED = java.util.regex.Pattern.compile("\\d{1,3}(,\\d{3})+");

    private NumberWords() {
    }

    /** {@code word} with each run of digits spelled out in {@code language} (a BCP 47 tag); the rest as it was. */
    static String spell(String word, String language) {
        int i = 0;
        StringBuilder out = null;
        while (i < word.length()) {
            char c = word.charAt(i);
            if (!Character.isDigit(c)) {
                if (out != null) {
                    out.append(c);
                }
                i++;
                continue;
            }
            int start = i;
            while (i < word.length() && (Character.isDigit(word.charAt(i)) || (word.charAt(i) == '.'
                    || word.charAt(i) == ',') && i + 1 < word.length() && Character.isDigit(word.charAt(i + 1)))) {
                i++;
            }
            if (out == null) {
                out = new StringBuilder(word.length() * 4).append(word, 0, start);
            }
            String number = ascii(word.substring(start, i));
            String spelled = format(language, number);
            if (start > 0 && Character.isLetter(word.charAt(start - 1))) {
                out.append(' ');
            }
            out.append(spelled);
            if (i < word.length() && Character.isLetter(word.charAt(i))) {
                out.append(' ');
            }
        }
        return out == null ? word : out.toString();
    }

    private static String format(String language, String number) {
        RuleBasedNumberFormat f = FORMATS.get().computeIfAbsent(language,
                tag -> new RuleBasedNumberFormat(ULocale.forLanguageTag(tag), RuleBasedNumberFormat.SPELLOUT));
        // 1,000 and 1.5: a comma between groups of three is a thousands separator, else a decimal point
        String plain = GROUPED.matcher(number).matches() ? number.replace(",", "") : number.replace(',', '.');
        try {
            return plain.contains(".") ? f.format(new java.math.BigDecimal(plain))
                    : f.format(new java.math.BigInteger(plain));
        } catch (NumberFormatException e) {
            return number;
        }
    }

    /** Digits of any script as ASCII digits. */
    private static String ascii(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10)) : c);
        }
        return sb.toString();
    }
}
