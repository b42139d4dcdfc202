package io.rawi.speech;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spoken-form layer of {@link ArabicNumbers} for English and Hebrew voices: the signs and formats their engines read
 * wrongly or in another language. eSpeak NG's English reads «$50» as "dollar fifty", «15/3/2023» with "slash", «km» as
 * letters; its Hebrew reads «%» and «/» in English. Here: a currency sign after its number in words ($50 → 50 dollars,
 * ₪50 → 50 שקלים), a percent sign in Hebrew (אחוז), a date with the month's name (day first, or month first for US
 * English when that is the only reading), a time in Hebrew, and units after a number (km, kg, cm, °C…). Numbers stay
 * digits (a Hebrew voice spells them afterwards, see {@link NumberWords}). Stateless and thread-safe.
 */
final class SymbolWords {
    private static final String D = "[0-9]";
    private static final Pattern SIGN = Pattern.compile("^([$€£¥₪])(" + D + "[0-9.,]*)$|^(" + D + "[0-9.,]*)([$€£¥₪])$");
    private static final Pattern DATE = Pattern.compile("^(" + D + "{1,2})[/.](" + D + "{1,2})[/.](" + D + "{4})$");
    private static final Pattern TIME = Pattern.compile("^(" + D + "{1,2}):(" + D + "{2})$");
    private static final Pattern PERCENT = Pattern.compile("^(" + D + "[0-9.,]*)%$");
    private static final Pattern NUMBER_UNIT = Pattern.compile("^(" + D + "[0-9.,]*)(°C|°F|km|kg|cm|mm|km/h)$");
    private static final Map<String, List<String>> CURRENCY = Map.of(
            "$", List.of("dollars", "דולר"), "€", List.of("euros", "אירו"), "£", List.of("pounds", "לירות שטרלינג"),
            "¥", List.of("yen", "ין"), "₪", List.of("shekels", "שקלים"));
    private static final Map<String, List<String>> UNITS = Map.of(
            "km", List.of("kilometres", "קילומטר"), "kg", List.of("kilograms", "קילוגרם"),
            "cm", List.of("centimetres", "סנטימטר"), "mm", List.of("millimetres", "מילימטר"),
            "km/h", List.of("kilometres an hour", "קמ\"ש"), "°C", List.of("degrees Celsius", "מעלות צלזיוס"),
            "°F", List.of("degrees Fahrenheit", "מעלות פרנהייט"));
    private static final List<String> MONTHS_EN = List.of("January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December");
    private static final List<String> MONTHS_HE = List.of("בינואר", "בפברואר", "במרץ", "באפריל", "במאי", "ביוני",
            "ביולי", "באוגוסט", "בספטמבר", "באוקטובר", "בנובמבר", "בדצמבר");

    private SymbolWords() {
    }

    /** Whether this layer serves {@code language} (a BCP 47 tag). */
    static boolean serves(String language) {
        String primary = language.split("-")[0];
        return primary.equals("en") || primary.equals("he") || primary.equals("iw");
    }

    /** {@code word} as said in {@code language}, given the word before it; the word itself when no rule applies. */
    static String say(String word, String previous, String language) {
        // punctuation after it, and a Hebrew prefix joined by a hyphen or maqaf (ב-45%), are set aside, then put back
        int end = word.length();
        while (end > 0 && ".,;:!?)\"'”…".indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        Matcher prefix = PREFIX.matcher(word.substring(0, end));
        int start = prefix.lookingAt() ? prefix.end() : 0;
        String core = word.substring(start, end);
        String prev = previous == null ? null : TRAILING_STOPS.matcher(PREFIX.matcher(previous).replaceFirst("")).replaceAll("");
        String said = core.isEmpty() ? core : sayCore(core, prev, language);
        return said.equals(core) ? word : word.substring(0, start) + said + word.substring(end);
    }

    private static final Pattern PREFIX = Pattern.compile("[\u05D0-\u05EA]{1,3}[-\u05BE]");
    private static final Pattern TRAILING_STOPS = Pattern.compile("[.,;:!?]+$");
    private static final Pattern WRITTEN_NUMBER = Pattern.compile(D + "[0-9.,]*");

    private static String sayCore(String word, String previous, String language) {
        boolean hebrew = !language.startsWith("en");
        int lang = hebrew ? 1 : 0;
        Matcher m = SIGN.matcher(word);
        if (m.matches()) {
            return m.group(1) != null ? m.group(2) + " " + CURRENCY.get(m.group(1)).get(lang)
                    : m.group(3) + " " + CURRENCY.get(m.group(4)).get(lang);
        }
        if (previous != null && WRITTEN_NUMBER.matcher(previous).matches()) {
            List<String> unit = UNITS.get(word);
            if (unit != null) {
                return unit.get(lang);
            }
            List<String> currency = CURRENCY.get(word);
            if (currency != null) {
                return currency.get(lang);
            }
        }
        m = NUMBER_UNIT.matcher(word);
        if (m.matches()) {
            return m.group(1) + " " + UNITS.get(m.group(2)).get(lang);
        }
        m = PERCENT.matcher(word);
        if (m.matches() && hebrew) {
            return m.group(1) + " אחוז";
        }
        m = DATE.matcher(word);
        if (m.matches()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            boolean monthFirst = language.equals("en-US") ? b <= 31 && a <= 12 : a <= 12 && b > 12;
            int day = monthFirst ? b : a;
            int month = monthFirst ? a : b;
            if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
                return hebrew ? day + " " + MONTHS_HE.get(month - 1) + " " + m.group(3)
                        : monthFirst ? MONTHS_EN.get(month - 1) + " " + day + ", " + m.group(3)
                        : day + " " + MONTHS_EN.get(month - 1) + " " + m.group(3);
            }
        }
        m = TIME.matcher(word);
        if (m.matches() && hebrew) {
            int minute = Integer.parseInt(m.group(2));
            return minute == 0 ? m.group(1) : m.group(1) + " ו" + (minute == 30 ? "חצי" : minute == 15 ? "רבע"
                    : String.valueOf(minute));
        }
        return word;
    }
}
