package io.rawi.epubin;

import java.util.regex.Pattern;

/**
 * Keeps an imported stylesheet valid for EPUB 3: {@code direction} and {@code unicode-bidi} go (direction comes
 * from {@code dir} attributes; EPUBCheck CSS-001), and so do {@code @import}s of remote sheets and
 * {@code expression()}/{@code javascript:} values.
 */
final class Css {
    private static final Pattern DIRECTION = Pattern.compile("(?i)(?<![-\\w])(direction|unicode-bidi)\\s*:[^;}]*;?");
    private static final Pattern REMOTE_IMPORT = Pattern.compile("(?i)@import\\s+(url\\()?\\s*['\"]?(https?:)?//[^;]*;");
    private static final Pattern SCRIPTED = Pattern.compile("(?i)[\\w-]+\\s*:\\s*[^;}]*(expression\\s*\\(|javascript:)[^;}]*;?");

    private Css() {
    }

    static String clean(String css) {
        String out = DIRECTION.matcher(css).replaceAll("");
        out = REMOTE_IMPORT.matcher(out).replaceAll("");
        return SCRIPTED.matcher(out).replaceAll("");
    }
}
