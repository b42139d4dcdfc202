package io.rawi.internal;

/**
 * Zero-padded decimal numbers for ids ({@code p0007}, {@code s03}) and clock values. The same text as
 * {@code String.format("%0Nd")}, without parsing a format each time: a book has thousands of them, made mostly in
 * code that runs once per process, where {@code String.format} costs most.
 */
public final class ZeroPad {
    private ZeroPad() {
    }

    /** {@code value} in decimal, with zeros before it up to {@code width} digits. */
    public static String of(long value, int width) {
        return append(new StringBuilder(Math.max(width, 4)), value, width).toString();
    }

    /** {@code prefix} followed by {@link #of}{@code (value, width)}. */
    public static String of(String prefix, long value, int width) {
        return append(new StringBuilder(prefix.length() + Math.max(width, 4)).append(prefix), value, width).toString();
    }

    /** Appends {@link #of}{@code (value, width)} to {@code sb}. */
    public static StringBuilder append(StringBuilder sb, long value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("negative number " + value);
        }
        long v = value;
        int digits = 1;
        while (v >= 10) {
            v /= 10;
            digits++;
        }
        for (int k = digits; k < width; k++) {
            sb.append('0');
        }
        return sb.append(value);
    }

    /**
     * Appends {@code :MM:SS.fff}, the minutes, seconds and milliseconds of {@code ms}, to {@code sb}, which holds the
     * hours: the clocks of SMIL and WebVTT.
     */
    public static StringBuilder clock(StringBuilder sb, long ms) {
        append(sb.append(':'), ms / 60_000 % 60, 2);
        append(sb.append(':'), ms / 1000 % 60, 2);
        return append(sb.append('.'), ms % 1000, 3);
    }
}
