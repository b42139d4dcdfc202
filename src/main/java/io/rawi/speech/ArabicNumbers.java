package io.rawi.speech;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an Arabic reader says the numbers and signs that eSpeak NG reads wrongly or not at all, written out in words for
 * it: a percent sign (بالمئة), a date (the day as an ordinal and the month's name), a time (التاسعة والنصف), a range of
 * years (من 2010 إلى 2015), a Hijri year (هـ), a web or e-mail address (نقطة), and ألف after a number (a noun, not
 * the verb أَلَّفَ). Plain numbers stay digits, which eSpeak NG reads as Arabic numbers. Stateless and thread-safe.
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

    private ArabicNumbers() {
    }

    /**
     * {@code word} as it is said, given the words before and after it in the sentence (as written); the word itself
     * when no rule applies.
     */
    public static String say(String word, String previous, Months months) {
        String w = word;
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
