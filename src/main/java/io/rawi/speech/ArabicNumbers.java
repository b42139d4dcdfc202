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
 * <p>Numbers agree with what they count ({@link #agree}): 3 to 10 take the gender opposite to the counted noun's
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
    private static final String D = "[0-9\u0660-\u0669\u06F0-\u06F9]";
    private static final Pattern DATE = Pattern.compile("(" + D + "{1,2})[/.\\-](" + D + "{1,2})[/.\\-](" + D + "{4})");
    private static final Pattern TIME = Pattern.compile("(" + D + "{1,2}):(" + D + "{2})");
    private static final Pattern PERCENT = Pattern.compile("(" + D + "+(?:[.,٫]" + D + "+)?)\\s?[%٪]");
    private static final Pattern RANGE = Pattern.compile("(" + D + "{4})[\\-–—](" + D + "{4})");
    private static final Pattern HIJRI = Pattern.compile("(" + D + "+)\\s?هـ");
    private static final Pattern ADDRESS = Pattern.compile("(?i)(?:https?://)?(?:[a-z0-9-]+\\.)+[a-z]{2,}(?:/\\S*)?"
            + "|[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}");

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

    /**
     * Counted nouns whose form changes with the number: singular → plural (after 3 to 10), accusative singular
     * (after 11 to 99), and whether the singular is feminine.
     */
    private record Counted(String plural, String accusative, boolean feminine) {
    }

    private static final java.util.Map<String, Counted> COUNTED = java.util.Map.ofEntries(
            java.util.Map.entry("ألف", new Counted("آلاف", "ألفًا", false)),
            java.util.Map.entry("مليون", new Counted("ملايين", "مليونًا", false)),
            java.util.Map.entry("مليار", new Counted("مليارات", "مليارًا", false)),
            java.util.Map.entry("دولار", new Counted("دولارات", "دولارًا", false)),
            java.util.Map.entry("جنيه", new Counted("جنيهات", "جنيهًا", false)),
            java.util.Map.entry("ريال", new Counted("ريالات", "ريالًا", false)),
            java.util.Map.entry("درهم", new Counted("دراهم", "درهمًا", false)),
            java.util.Map.entry("دينار", new Counted("دنانير", "دينارًا", false)),
            java.util.Map.entry("ليرة", new Counted("ليرات", "ليرةً", true)),
            java.util.Map.entry("كيلومتر", new Counted("كيلومترات", "كيلومترًا", false)),
            java.util.Map.entry("كيلوغرام", new Counted("كيلوغرامات", "كيلوغرامًا", false)),
            java.util.Map.entry("متر", new Counted("أمتار", "مترًا", false)),
            java.util.Map.entry("سنتيمتر", new Counted("سنتيمترات", "سنتيمترًا", false)),
            java.util.Map.entry("مليمتر", new Counted("مليمترات", "مليمترًا", false)),
            java.util.Map.entry("غرام", new Counted("غرامات", "غرامًا", false)),
            java.util.Map.entry("لتر", new Counted("لترات", "لترًا", false)),
            java.util.Map.entry("طن", new Counted("أطنان", "طنًا", false)),
            java.util.Map.entry("درجة", new Counted("درجات", "درجةً", true)));
    /** Plurals in -ات whose singular is masculine (most are feminine). */
    private static final java.util.Set<String> MASCULINE_AT = java.util.Set.of("اجتماعات", "مطارات", "مستشفيات",
            "قطارات", "امتحانات", "ملفات", "مشروعات", "حيوانات", "سجلات", "بيانات", "تصريحات", "انتخابات", "اتفاقات",
            "مؤتمرات", "منتجات", "مستويات", "أصوات", "أوقات", "أبيات", "حسابات", "إجراءات", "تعديلات", "إصلاحات",
            "استثمارات", "مخيمات", "معسكرات", "مهرجانات", "تحقيقات", "تعليقات", "قرارات", "مقترحات", "مليارات",
            "دولارات", "جنيهات", "ريالات", "كيلومترات", "كيلوغرامات", "سنتيمترات", "مليمترات", "غرامات", "لترات",
            "امتيازات", "تقارير", "اختبارات", "تحديات", "مستندات", "فيديوهات", "مواقع", "أسابيع");
    /** Broken plurals whose singular is feminine (most are masculine). */
    private static final java.util.Set<String> FEMININE_BROKEN = java.util.Set.of("نساء", "دول", "مدن", "مدارس",
            "دقائق", "رسائل", "قرى", "غرف", "حروب", "أسر", "جزر", "مراحل", "مناطق", "قضايا", "مواد", "قصص", "جمل",
            "أفكار", "صور", "سنين", "ليال", "أمم", "سفن", "صحف", "نسخ", "أشجار", "حقائب", "عيون", "أيد", "أرجل",
            "طرق", "شركات", "مرات", "فتيات", "بنات", "أخوات", "لغات", "مقالات", "ساعات", "سنوات", "حلقات", "رحلات");
    /** A number that may count what follows it, with a proclitic (و5 ملايين). */
    private static final Pattern COUNTING = Pattern.compile("([وفبل]?)(" + D + "{1,15})");
    /** Punctuation that may follow a word. */
    private static final String TRAILING = ".،,؛;:!?؟)»\"'”…";

    /** Words that follow a number without being what it counts: particles, prepositions, pronouns. */
    private static final java.util.Set<String> NOT_COUNTED = java.util.Set.of("قبل", "بعد", "في", "من", "إلى", "على",
            "عن", "مع", "حتى", "منذ", "أو", "ثم", "لكن", "إن", "أن", "كان", "كانت", "هو", "هي", "هم", "هذا", "هذه",
            "عند", "بين", "نحو", "حول", "خلال", "فقط", "تقريبا", "تقريبًا", "أيضا", "أيضًا", "إلا", "لا", "لم", "لن",
            "قد", "ما", "التي", "الذي", "وفي", "ومن", "مقابل");
    /** 3 to 10 as counted with a masculine noun (ثلاثة) and with a feminine one (ثلاث). */
    private static final List<String> UNITS_WITH_MASCULINE = List.of("ثلاثة", "أربعة", "خمسة", "ستة", "سبعة",
            "ثمانية", "تسعة", "عشرة");
    private static final List<String> UNITS_WITH_FEMININE = List.of("ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني",
            "تسع", "عشر");

    private ArabicNumbers() {
    }

    /**
     * Every word of a sentence or paragraph as it is said: {@link #say} word by word (with the abbreviations of the
     * voice), then numbers made to agree with what they count ({@link #agree}). One entry per written word, each
     * possibly several words; the word itself when no rule applies.
     */
    public static List<String> sayAll(List<String> written, Months months, Abbreviations abbreviations) {
        List<String> said = new ArrayList<>(written.size());
        String previous = null;
        for (String w : written) {
            // punctuation after the word and a proclitic before a number are set aside, then put back
            int end = w.length();
            while (end > 0 && TRAILING.indexOf(w.charAt(end - 1)) >= 0) {
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
        return agree(said);
    }

    /**
     * Makes numbers agree with the noun after them, across the words given (each may hold several): see the class
     * comment. A number followed by anything but an Arabic word is left as it is.
     */
    static List<String> agree(List<String> said) {
        boolean digits = false;
        for (String w : said) {
            for (int i = 0; i < w.length() && !digits; i++) {
                digits = Character.isDigit(w.charAt(i));
            }
        }
        if (!digits) {
            return said; // nothing counts anything
        }
        List<String> tokens = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < said.size(); i++) {
            for (String t : said.get(i).split(" ")) {
                if (!t.isEmpty()) {
                    tokens.add(t);
                    owner.add(i);
                }
            }
        }
        boolean changed = false;
        for (int t = 0; t + 1 < tokens.size(); t++) {
            Matcher number = COUNTING.matcher(tokens.get(t));
            if (!number.matches()) {
                continue;
            }
            String noun = tokens.get(t + 1);
            int end = noun.length();
            while (end > 0 && TRAILING.indexOf(noun.charAt(end - 1)) >= 0) {
                end--;
            }
            String suffix = noun.substring(end);
            String bare = noun.substring(0, end).replaceAll("[\u064B-\u0652\u0640]", "");
            if (!bare.matches("[\u0621-\u064A]+") || bare.startsWith("ال") || NOT_COUNTED.contains(bare)) {
                continue; // only an indefinite noun is counted: not "5 قبل الميلاد", not "3 الأوائل"
            }
            long n = Long.parseLong(toAscii(number.group(2)));
            int last = (int) (n % 100);
            Counted counted = COUNTED.get(bare);
            if (counted == null) { // a plural written as such: find its singular's entry, for its gender
                for (Counted c : COUNTED.values()) {
                    if (c.plural().equals(bare)) {
                        counted = c;
                        break;
                    }
                }
            }
            boolean feminine = counted != null ? counted.feminine() : feminine(bare);
            String newNumber = null;
            String newNoun = null;
            if (last >= 3 && last <= 10) {
                String units = (feminine ? UNITS_WITH_FEMININE : UNITS_WITH_MASCULINE).get(last - 3);
                newNumber = n >= 100 ? (n - last) + " و" + units : units;
                newNoun = counted != null ? counted.plural() : null;
            } else if (last >= 11 && last <= 19 && n < 100) {
                newNumber = teen(last, feminine);
                newNoun = counted != null ? counted.accusative() : null;
            } else if (last >= 11 && counted != null) {
                newNoun = counted.accusative();
            }
            if (newNumber != null) {
                tokens.set(t, number.group(1) + newNumber);
                changed = true;
            }
            if (newNoun != null && !newNoun.equals(bare)) {
                tokens.set(t + 1, newNoun + suffix);
                changed = true;
            }
        }
        if (!changed) {
            return said;
        }
        List<String> out = new ArrayList<>(said.size());
        for (int i = 0; i < said.size(); i++) {
            out.add("");
        }
        for (int t = 0; t < tokens.size(); t++) {
            int i = owner.get(t);
            out.set(i, out.get(i).isEmpty() ? tokens.get(t) : out.get(i) + " " + tokens.get(t));
        }
        return out;
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

    private static boolean endsWithDigit(String word) {
        return !word.isEmpty() && Character.isDigit(word.charAt(word.length() - 1));
    }

    /** 11 to 19 counting a noun of that gender: أحد عشر / إحدى عشرة, ثلاثة عشر / ثلاث عشرة. */
    private static String teen(int n, boolean feminine) {
        if (n == 11) {
            return feminine ? "إحدى عشرة" : "أحد عشر";
        }
        if (n == 12) {
            return feminine ? "اثنتا عشرة" : "اثنا عشر";
        }
        return feminine ? UNITS_WITH_FEMININE.get(n - 13) + " عشرة" : UNITS_WITH_MASCULINE.get(n - 13) + " عشر";
    }

    /** Whether the singular of {@code noun} (singular or plural, unvowelled) is feminine, as far as its form tells. */
    static boolean feminine(String noun) {
        if (FEMININE_BROKEN.contains(noun)) {
            return true;
        }
        if (MASCULINE_AT.contains(noun)) {
            return false;
        }
        return noun.endsWith("ة") || noun.endsWith("ات") && noun.length() > 3;
    }

    private static String toAscii(String digits) {
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
        if (previous != null && previous.matches(D + "[0-9\u0660-\u0669\u06F0-\u06F9.,٫٬]*")) {
            String code = CURRENCIES.get(w);
            if (code != null) {
                return code;
            }
            String unit = UNITS.get(w);
            if (unit != null && !(w.equals("م") || w.equals("ل") || w.equals("غ"))) {
                return unit;
            }
            if (w.equals("م") || w.equals("م.")) { // after a year: Gregorian; after another number: metres
                return previous.matches(D + "{3,4}") ? "ميلادي" : "متر";
            }
        }
        Matcher unit = NUMBER_UNIT.matcher(w);
        if (unit.matches()) {
            return unit.group(1) + " " + UNITS.get(unit.group(2));
        }
        if (w.matches(D + "{3,4}م\\.?")) {
            return w.replaceAll("م\\.?$", "") + " ميلادي";
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
        if (w.equals("هـ") && previous != null && previous.matches(".*" + D)) {
            w = "هجرية";
        }
        m = ADDRESS.matcher(w);
        if (m.find() && !w.matches(".*[\u0600-\u06FF].*")) {
            w = m.group().replaceFirst("(?i)^https?://", "").replace("@", " آت ").replace(".", " نقطة ")
                    .replace("/", " شرطة ").replaceAll("\\s+", " ").strip();
        }
        if (previous != null && previous.matches(D + "+")) {
            String bare = w.replaceAll("[\u064B-\u0652]", "");
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
