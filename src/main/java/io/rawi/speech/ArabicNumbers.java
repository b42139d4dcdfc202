package io.rawi.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an Arabic reader says the numbers and signs that eSpeak NG reads wrongly or not at all, written out in words for
 * it: a percent sign (بالمئة), a date (the day as an ordinal and the month's name), a time (التاسعة والنصف), a range of
 * years (من 2010 إلى 2015), a Hijri year (هـ) or a Gregorian one (م), a web or e-mail address (نقطة), currency signs
 * and codes ($، €، USD…), units (كم، كغ، °C…), abbreviations from the voice's list (د. → الدكتور), and ألف after a
 * number (a noun, not the verb أَلَّفَ).
 *
 * <p>Numbers agree with what they count ({@link ArabicCounting#agree}): 3 to 10 take the gender opposite to the counted noun's
 * singular (ثلاث سنوات، ثلاثة أيام), 11 to 19 their compound forms (ثلاث عشرة سنة); and ألف، مليون، مليار and the
 * currencies and units take the form the number asks for: the plural after 3 to 10 (ثلاثة آلاف، خمسة ملايين), the
 * accusative singular after 11 to 99 (أربعون ألفًا). Other numbers stay digits, which eSpeak NG reads as Arabic
 * numbers. Stateless and thread-safe.
 */
public final class ArabicNumbers {
    /** How months are named. */
    public enum Months {
        /** يناير، فبراير، مارس… (Egypt, the Gulf, the Maghreb in part). */
        EGYPTIAN_GULF,
        /** كانون الثاني، شباط، آذار… (the Levant and Iraq). */
        LEVANTINE
    }

    private static final List<String> GULF = List.of("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو",
            "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر");
    private static final List<String> LEVANT = List.of("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز",
            "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول");
    private static final List<String> DAYS = List.of("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس",
            "السابع", "الثامن", "التاسع", "العاشر", "الحادي عشر", "الثاني عشر", "الثالث عشر", "الرابع عشر",
            "الخامس عشر", "السادس عشر", "السابع عشر", "الثامن عشر", "التاسع عشر", "العشرون", "الحادي والعشرون",
            "الثاني والعشرون", "الثالث والعشرون", "الرابع والعشرون", "الخامس والعشرون", "السادس والعشرون",
            "السابع والعشرون", "الثامن والعشرون", "التاسع والعشرون", "الثلاثون", "الحادي والثلاثون");
    private static final List<String> HOURS = List.of("الواحدة", "الثانية", "الثالثة", "الرابعة", "الخامسة",
            "السادسة", "السابعة", "الثامنة", "التاسعة", "العاشرة", "الحادية عشرة", "الثانية عشرة");
    static final String D = "[0-9\u0660-\u0669\u06F0-\u06F9]";
    private static final Pattern DATE = Pattern.compile("(" + D + "{1,2})[/.\\-](" + D + "{1,2})[/.\\-](" + D + "{4})");
    private static final Pattern TIME = Pattern.compile("(" + D + "{1,2}):(" + D + "{2})");
    private static final Pattern PERCENT = Pattern.compile("(" + D + "+(?:[.,٫]" + D + "+)?)\\s?[%٪]");
    private static final Pattern RANGE = Pattern.compile("(" + D + "{4})[\\-–—](" + D + "{4})");
    private static final Pattern HIJRI = Pattern.compile("(" + D + "+)\\s?هـ");
    private static final Pattern ADDRESS = Pattern.compile("(?i)(?:https?://)?(?:[a-z0-9-]+\\.)+[a-z]{2,}(?:/\\S*)?"
            + "|[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}");
    // the patterns say() matches a word against: compiled once, not once per word (String.matches compiles its own)
    /** A number as written, with its separators (the word before a unit or currency). */
    private static final Pattern WRITTEN_NUMBER = Pattern.compile(D + "[0-9\u0660-\u0669\u06F0-\u06F9.,٫٬]*");
    private static final Pattern YEAR = Pattern.compile(D + "{3,4}");
    private static final Pattern YEAR_AD = Pattern.compile(D + "{3,4}م\\.?");
    private static final Pattern AD_MARK = Pattern.compile("م\\.?$");
    private static final Pattern ENDS_WITH_DIGIT = Pattern.compile(".*" + D);
    private static final Pattern DIGITS = Pattern.compile(D + "+");
    private static final Pattern ARABIC_SCRIPT = Pattern.compile(".*[\u0600-\u06FF].*");
    private static final Pattern SCHEME = Pattern.compile("(?i)^https?://");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern VOWEL_MARKS = Pattern.compile("[\u064B-\u0652]");

    /** A currency sign before or after a number ($50، 50$، 50 €). */
    private static final Pattern CURRENCY_SIGN = Pattern.compile("^([$€£¥₪])(" + D + "[" + "0-9\u0660-\u0669\u06F0-\u06F9"
            + ".,٫٬]*)$|^(" + D + "[0-9\u0660-\u0669\u06F0-\u06F9.,٫٬]*)([$€£¥₪])$");
    private static final java.util.Map<String, String> CURRENCIES = java.util.Map.ofEntries(
            java.util.Map.entry("$", "دولار"), java.util.Map.entry("€", "يورو"),
            java.util.Map.entry("£", "جنيه إسترليني"), java.util.Map.entry("¥", "ين"),
            java.util.Map.entry("₪", "شيكل"), java.util.Map.entry("USD", "دولار أمريكي"),
            java.util.Map.entry("US$", "دولار أمريكي"), java.util.Map.entry("EUR", "يورو"),
            java.util.Map.entry("GBP", "جنيه إسترليني"), java.util.Map.entry("SAR", "ريال سعودي"),
            java.util.Map.entry("AED", "درهم إماراتي"), java.util.Map.entry("EGP", "جنيه مصري"),
            java.util.Map.entry("KWD", "دينار كويتي"), java.util.Map.entry("QAR", "ريال قطري"),
            java.util.Map.entry("BHD", "دينار بحريني"), java.util.Map.entry("OMR", "ريال عماني"),
            java.util.Map.entry("JOD", "دينار أردني"), java.util.Map.entry("IQD", "دينار عراقي"),
            java.util.Map.entry("LBP", "ليرة لبنانية"), java.util.Map.entry("SYP", "ليرة سورية"),
            java.util.Map.entry("MAD", "درهم مغربي"), java.util.Map.entry("TND", "دينار تونسي"),
            java.util.Map.entry("DZD", "دينار جزائري"), java.util.Map.entry("LYD", "دينار ليبي"),
            java.util.Map.entry("SDG", "جنيه سوداني"), java.util.Map.entry("YER", "ريال يمني"),
            java.util.Map.entry("TRY", "ليرة تركية"), java.util.Map.entry("JPY", "ين ياباني"),
            java.util.Map.entry("CNY", "يوان صيني"), java.util.Map.entry("CHF", "فرنك سويسري"));
    /** Units written after a number, in Arabic or Latin letters. */
    private static final java.util.Map<String, String> UNITS = java.util.Map.ofEntries(
            java.util.Map.entry("كم", "كيلومتر"), java.util.Map.entry("km", "كيلومتر"),
            java.util.Map.entry("كم²", "كيلومتر مربع"), java.util.Map.entry("km²", "كيلومتر مربع"),
            java.util.Map.entry("كم/س", "كيلومتر في الساعة"), java.util.Map.entry("km/h", "كيلومتر في الساعة"),
            java.util.Map.entry("م²", "متر مربع"), java.util.Map.entry("m²", "متر مربع"),
            java.util.Map.entry("سم", "سنتيمتر"), java.util.Map.entry("cm", "سنتيمتر"),
            java.util.Map.entry("مم", "مليمتر"), java.util.Map.entry("ملم", "مليمتر"), java.util.Map.entry("mm", "مليمتر"),
            java.util.Map.entry("كغ", "كيلوغرام"), java.util.Map.entry("كلغ", "كيلوغرام"), java.util.Map.entry("كجم", "كيلوغرام"),
            java.util.Map.entry("kg", "كيلوغرام"), java.util.Map.entry("غ", "غرام"), java.util.Map.entry("g", "غرام"),
            java.util.Map.entry("طن", "طن"), java.util.Map.entry("مل", "مليلتر"), java.util.Map.entry("ml", "مليلتر"),
            java.util.Map.entry("ل", "لتر"), java.util.Map.entry("°C", "درجة مئوية"), java.util.Map.entry("°م", "درجة مئوية"),
            java.util.Map.entry("°F", "درجة فهرنهايت"), java.util.Map.entry("°", "درجة"),
            java.util.Map.entry("كيلوواط", "كيلوواط"), java.util.Map.entry("kW", "كيلوواط"),
            java.util.Map.entry("MB", "ميغابايت"), java.util.Map.entry("GB", "غيغابايت"));
    /** A number with a unit or sign written on to it (30°C، 5كم، 100km). */
    private static final Pattern NUMBER_UNIT = Pattern.compile("^(" + D + "[0-9\u0660-\u0669\u06F0-\u06F9.,٫٬]*)"
            + "(°C|°F|°م|°|كم²|km²|كم/س|km/h|م²|m²|كم|km|سم|cm|ملم|مم|mm|كغ|كلغ|كجم|kg|MB|GB)$");



    private ArabicNumbers() {
    }

    /**
     * Every word of a sentence or paragraph as it is said: {@link #say} word by word (with the abbreviations of the
     * voice), then numbers made to agree with what they count ({@link ArabicCounting#agree}). One entry per written word, each
     * possibly several words; the word itself when no rule applies.
     */
    public static List<String> sayAll(List<String> written, Months months, Abbreviations abbreviations) {
        List<String> said = new ArrayList<>(written.size());
        String previous = null;
        for (String w : written) {
            // punctuation after the word and a proclitic before a number are set aside, then put back
            int end = w.length();
            while (end > 0 && ArabicCounting.TRAILING.indexOf(w.charAt(end - 1)) >= 0) {
                end--;
            }
            int start = end > 1 && "وفبل".indexOf(w.charAt(0)) >= 0 && Character.isDigit(w.charAt(1)) ? 1 : 0;
            String core = w.substring(start, end);
            String s = core.isEmpty() ? core : say(core, previous, months);
            if (!s.equals(core)) {
                said.add(w.substring(0, start) + s + w.substring(end));
            } else {
                // said already when nothing was set aside
                String whole = core.equals(w) ? s : say(w, previous, months);
                said.add(whole.equals(w) ? abbreviations.expand(w) : whole); // "م" after a number is a unit
            }
            previous = core.isEmpty() ? w : core;
        }
        return ArabicCounting.agree(said);
    }

    /** Whether {@code word} holds nothing any rule of {@link #say} reads: no digit, sign, dot, colon or slash. */
    private static boolean plain(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isDigit(c) || "%٪$€£¥₪@.:/°".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code word} ends with a digit of any script. */
    static boolean endsWithDigit(String word) {
        return !word.isEmpty() && Character.isDigit(word.charAt(word.length() - 1));
    }

    static String toAscii(String digits) {
        StringBuilder sb = new StringBuilder(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            sb.append(Character.digit(digits.charAt(i), 10));
        }
        return sb.toString();
    }

    /**
     * {@code word} as it is said, given the words before and after it in the sentence (as written); the word itself
     * when no rule applies.
     */
    public static String say(String word, String previous, Months months) {
        if (plain(word) && (previous == null || !endsWithDigit(previous)) && !CURRENCIES.containsKey(word)) {
            return word; // most words: no digit, sign or address, and no number before them (a rebuild runs this cold)
        }
        String w = word;
        Matcher sign = CURRENCY_SIGN.matcher(w);
        if (sign.matches()) {
            return sign.group(1) != null ? sign.group(2) + " " + CURRENCIES.get(sign.group(1))
                    : sign.group(3) + " " + CURRENCIES.get(sign.group(4));
        }
        if (previous != null && WRITTEN_NUMBER.matcher(previous).matches()) {
            String code = CURRENCIES.get(w);
            if (code != null) {
                return code;
            }
            String unit = UNITS.get(w);
            if (unit != null && !(w.equals("م") || w.equals("ل") || w.equals("غ"))) {
                return unit;
            }
            if (w.equals("م") || w.equals("م.")) { // after a year: Gregorian; after another number: metres
                return YEAR.matcher(previous).matches() ? "ميلادي" : "متر";
            }
        }
        Matcher unit = NUMBER_UNIT.matcher(w);
        if (unit.matches()) {
            return unit.group(1) + " " + UNITS.get(unit.group(2));
        }
        if (YEAR_AD.matcher(w).matches()) {
            return AD_MARK.matcher(w).replaceAll("") + " ميلادي";
        }
        String code = CURRENCIES.get(w);
        if (code != null && !w.equals("$") && w.length() > 1) { // a code before the number: USD 50
            return code;
        }
        Matcher m = DATE.matcher(w);
        if (m.find()) {
            int day = number(m.group(1));
            int month = number(m.group(2));
            if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
                List<String> names = months == Months.LEVANTINE ? LEVANT : GULF;
                w = w.substring(0, m.start()) + DAYS.get(day - 1) + " من " + names.get(month - 1) + " عام "
                        + m.group(3) + w.substring(m.end());
            }
        }
        m = TIME.matcher(w);
        if (m.find()) {
            int hour = number(m.group(1));
            int minute = number(m.group(2));
            if (hour <= 24 && minute < 60) {
                w = w.substring(0, m.start()) + time(hour, minute) + w.substring(m.end());
            }
        }
        w = PERCENT.matcher(w).replaceAll("$1 بالمئة");
        w = RANGE.matcher(w).replaceAll("من $1 إلى $2");
        w = HIJRI.matcher(w).replaceAll("$1 هجرية");
        if (w.equals("هـ") && previous != null && ENDS_WITH_DIGIT.matcher(previous).matches()) {
            w = "هجرية";
        }
        m = ADDRESS.matcher(w);
        if (m.find() && !ARABIC_SCRIPT.matcher(w).matches()) {
            w = SPACES.matcher(SCHEME.matcher(m.group()).replaceFirst("").replace("@", " آت ").replace(".", " نقطة ")
                    .replace("/", " شرطة ")).replaceAll(" ").strip();
        }
        if (previous != null && DIGITS.matcher(previous).matches()) {
            String bare = VOWEL_MARKS.matcher(w).replaceAll("");
            if (bare.equals("ألف")) {
                w = "أَلْف";
            } else if (bare.equals("آلاف")) {
                w = "آلَاف";
            }
        }
        return w;
    }

    /** 9:30 → التاسعة والنصف; 9:15 والربع; 9:45 العاشرة إلا ربعا; 9:00 التاسعة; 9:20 التاسعة و20 دقيقة. */
    static String time(int hour, int minute) {
        String h = HOURS.get((hour + 11) % 12);
        String next = HOURS.get(hour % 12);
        return switch (minute) {
            case 0 -> h;
            case 15 -> h + " والربع";
            case 30 -> h + " والنصف";
            case 45 -> next + " إلا ربعا";
            default -> h + " و" + minute + " دقيقة";
        };
    }

    private static int number(String digits) {
        int n = 0;
        for (int i = 0; i < digits.length(); i++) {
            n = n * 10 + Character.digit(digits.charAt(i), 10);
        }
        return n;
    }
}
