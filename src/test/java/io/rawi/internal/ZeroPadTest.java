package io.rawi.internal;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ZeroPadTest {
    @Test
    void writesWhatStringFormatWrites() {
        long[] values = {0, 1, 9, 10, 99, 100, 999, 1000, 1234, 99_999, 123_456_789L, Long.MAX_VALUE};
        for (long v : values) {
            for (int width = 0; width <= 6; width++) {
                String format = width == 0 ? "%d" : "%0" + width + "d";
                assertEquals(String.format(Locale.ROOT, format, v), ZeroPad.of(v, width), format + " of " + v);
                assertEquals("p" + String.format(Locale.ROOT, format, v), ZeroPad.of("p", v, width));
            }
        }
    }

    @Test
    void clocksAreSmilAndWebVttClocks() {
        for (long ms : new long[] {0, 7, 999, 1000, 59_999, 60_000, 3_599_999, 3_600_000, 36_000_000 + 61_001}) {
            String expected = String.format(Locale.ROOT, "%d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60,
                    ms / 1000 % 60, ms % 1000);
            assertEquals(expected, ZeroPad.clock(new StringBuilder().append(ms / 3_600_000), ms).toString());
        }
    }

    @Test
    void refusesNegativeNumbers() {
        assertThrows(IllegalArgumentException.class, () -> ZeroPad.of(-1, 2));
    }
}
