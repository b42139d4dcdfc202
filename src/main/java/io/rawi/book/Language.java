package io.rawi.book;

import java.util.Locale;
import java.util.Set;

/**
 * A BCP 47 language tag and its writing direction.
 *
 * <p>Only the primary subtag decides the direction: {@code ar}, {@code fa}, {@code ur}, {@code he} and the other
 * languages written in Arabic or Hebrew script are right-to-left. Immutable and thread-safe.
 */
public record Language(String tag, boolean rtl) {
    private static final Set<String> RTL = Set.of(
            "ar", "arc", "ckb", "dv", "fa", "ha-arab", "he", "iw", "ks", "ku-arab", "ps", "sd", "syr", "ug", "ur", "yi");

    /** Well-formed tags, as {@link #of} and {@link #declared} accept them. */
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    private static final java.util.regex.Pattern DECLARED = java.util.regex.Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    /** The tags parsed so far (a book names a few; every paragraph asks again), up to {@value #PARSED_MAX}. */
    private static final java.util.Map<String, Language> PARSED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int PARSED_MAX = 256;

    public static final Language ENGLISH = of("en");
    public static final Language ARABIC = of("ar");

    /**
     * Parses a tag such as {@code ar}, {@code ar-EG} or the POSIX form {@code ar_EG}, returning it in BCP 47 form.
     *
     * @throws IllegalArgumentException if the tag is not well formed
     */
    public static Language of(String tag) {
        Language known = PARSED.get(tag);
        if (known != null) {
            return known;
        }
        Language parsed = parse(tag);
        if (PARSED.size() < PARSED_MAX) {
            PARSED.put(tag, parsed);
        }
        return parsed;
    }

    private static Language parse(String tag) {
        String normalized = tag.trim().replace('_', '-');
        Locale locale = Locale.forLanguageTag(normalized);
        String bcp = locale.toLanguageTag();
        if (normalized.isEmpty() || "und".equals(bcp) || !TAG.matcher(normalized).matches()) {
            throw new IllegalArgumentException("'" + tag + "' is not a BCP 47 language tag (e.g. ar, en, fa-IR)");
        }
        String primary = locale.getLanguage();
        boolean rtl = RTL.contains(primary) || RTL.contains(bcp.toLowerCase(Locale.ROOT))
                || "Arab".equals(locale.getScript()) || "Hebr".equals(locale.getScript());
        return new Language(bcp, rtl);
    }

    /**
     * A language as an input declares it ({@code lang}, {@code xml:lang}, {@code dc:language}, front matter), or
     * empty when the value is missing, malformed or undetermined ({@code und}): a primary subtag of two or three
     * letters, then subtags of up to eight letters or digits; {@code _} is read as {@code -}.
     */
    public static java.util.Optional<Language> declared(String tag) {
        if (tag == null) {
            return java.util.Optional.empty();
        }
        String t = tag.trim().replace('_', '-');
        if (!DECLARED.matcher(t).matches()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(of(t));
        } catch (IllegalArgumentException undetermined) {
            return java.util.Optional.empty();
        }
    }

    /** The primary language subtag, e.g. {@code ar} for {@code ar-EG}. */
    public String primary() {
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }

    /** {@code rtl} or {@code ltr}, as written in {@code dir} attributes. */
    public String dir() {
        return rtl ? "rtl" : "ltr";
    }
}
