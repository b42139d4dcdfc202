package io.rawi.overlay;

import java.util.Locale;

/** SMIL clock values as {@code H:MM:SS.fff}: never more than three decimals, which some reading systems need. */
public final class ClockValue {
    private ClockValue() {
    }

    public static String of(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("negative time " + ms);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }
}
