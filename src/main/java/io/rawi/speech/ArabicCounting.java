package io.rawi.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Agreement of a number with the noun it counts, as {@link ArabicNumbers} reads it: 3 to 10 take the opposite gender
 * of the noun's singular and a plural noun (ثلاثة كتب، ثلاث سنوات); 11 to 19 agree in both parts and take an
 * accusative singular (أحد عشر كتابًا، إحدى عشرة سنةً); from 11 up, a unit or a currency takes its accusative.
 * Gender comes from a list of counted nouns, then from the noun's form.
 */
final class ArabicCounting {
    private ArabicCounting() {
    }

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
    private static final Pattern COUNTING = Pattern.compile("([وفبل]?)(" + ArabicNumbers.D + "{1,15})");
    /** Vowel marks and tatweel, taken off a noun to look it up; the letters a counted noun is made of. */
    private static final Pattern MARKS_AND_TATWEEL = Pattern.compile("[\u064B-\u0652\u0640]");
    private static final Pattern LETTERS = Pattern.compile("[\u0621-\u064A]+");
    /** Punctuation that may follow a word. */
    static final String TRAILING = ".،,؛;:!?؟)»\"'”…";
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
            if (!ArabicNumbers.endsWithDigit(tokens.get(t))) {
                continue; // not a number (a matcher per word cost planning more than the rest of this)
            }
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
            String bare = MARKS_AND_TATWEEL.matcher(noun.substring(0, end)).replaceAll("");
            if (!LETTERS.matcher(bare).matches() || bare.startsWith("ال") || NOT_COUNTED.contains(bare)) {
                continue; // only an indefinite noun is counted: not "5 قبل الميلاد", not "3 الأوائل"
            }
            long n = Long.parseLong(ArabicNumbers.toAscii(number.group(2)));
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
}
