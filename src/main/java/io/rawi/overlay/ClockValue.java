package io.rawi.overlay;

import io.rawi.internal.ZeroPad;

/** SMIL clock values as {@code H:MM:SS.fff}: never more than three decimals, which some reading systems need. */
public final class ClockValue {
    private ClockValue() {
    }

    public static String of(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("negative time " + ms);
        }
        return ZeroPad.clock(new StringBuilder(12).append(ms / 3_600_000), ms).toString();
    }
}
