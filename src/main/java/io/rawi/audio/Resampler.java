package io.rawi.audio;

/**
 * Changes the sample rate of 16-bit speech with a windowed-sinc polyphase filter (Blackman window, {@value #ZEROS}
 * zero crossings each side, cut-off just below the lower rate's Nyquist frequency), so that downsampling does not
 * alias. The filter for a pair of rates is designed once and kept; the work is about
 * {@code 2 * ZEROS * from / to} multiply-adds per output sample. Thread-safe.
 */
public final class Resampler {
    static final int ZEROS = 4;
    static final double ROLLOFF = 0.95;
    private static final int SHIFT = 14;
    private static final int HALF = 1 << (SHIFT - 1);
    private static final java.util.Map<String, double[][]> DESIGNS = new java.util.concurrent.ConcurrentHashMap<>();

    private Resampler() {
    }

    /** {@code pcm} at {@code from} Hz, resampled to {@code to} Hz (the same array when the rates are equal). */
    public static short[] resample(short[] pcm, int from, int to) {
        if (from == to || pcm.length == 0) {
            return pcm;
        }
        short[] out = new short[length(pcm.length, from, to)];
        resample(pcm, 0, pcm.length, from, to, 1.0, out, 0);
        return out;
    }

    /** How many samples {@code samples} input samples at {@code from} Hz become at {@code to} Hz. */
    public static int length(int samples, int from, int to) {
        int g = gcd(from, to);
        return (int) ((long) samples * (to / g) / (from / g));
    }

    /**
     * Resamples {@code pcm[begin, end)} from {@code from} Hz to {@code to} Hz, multiplied by {@code gain}, into
     * {@code out} at {@code at}: {@link #length} samples, rounded and clipped to 16 bits. One pass, so that the
     * gain costs nothing extra; equal rates copy with the gain.
     */
    public static void resample(short[] pcm, int begin, int end, int from, int to, double gain, short[] out, int at) {
        int g = gcd(from, to);
        int up = to / g;      // phases
        int down = from / g;  // input step per output sample, in phases
        int n = length(end - begin, from, to);
        if (from == to) {
            float k = (float) gain;
            for (int j = 0; j < n; j++) {
                out[at + j] = clip(pcm[begin + j] * k);
            }
            return;
        }
        int[] table = table(up, from, to, gain);
        int taps = table.length / up;
        int centre = taps / 2;
        int base = begin; // the input sample under the filter's centre for output sample j
        int phase = 0;
        int step = down / up;
        int stepPhase = down % up;
        for (int j = 0; j < n; ) {
            if (taps == 13 && base - centre >= begin && n - j >= up * BLOCK
                    && (long) base + (long) BLOCK * down - centre + taps <= end) {
                // up * BLOCK outputs whose taps all fall inside: BLOCK periods of the rates, after which the phase
                // is back where it was and the input has moved on BLOCK * down samples
                block13(pcm, table, base - centre, phase, up, down, out, at + j);
                j += up * BLOCK;
                base += BLOCK * down;
                continue;
            }
            int o = phase * taps; // this phase's taps
            int start = base - centre;
            int acc = 0;
            if (start < begin || start + taps > end) { // near the ends: only the samples there are
                for (int k = 0; k < taps; k++) {
                    int i = start + k;
                    if (i >= begin && i < end) {
                        acc += table[o + k] * pcm[i];
                    }
                }
            } else {
                for (int k = 0; k < taps; k++) {
                    acc += table[o + k] * pcm[start + k];
                }
            }
            out[at + j] = round(acc);
            j++;
            base += step; // the next output sample's place in the input, without a division
            phase += stepPhase;
            if (phase >= up) {
                phase -= up;
                base++;
            }
        }
    }

    /** Periods of the two rates that {@link #block13} resamples at a time: its input and output stay in cache. */
    private static final int BLOCK = 16;

    /**
     * eSpeak NG's 22,050 Hz to 16 kHz (13 taps), {@code up * BLOCK} output samples from {@code out[o]}, the first
     * one's taps starting at {@code pcm[start]} with phase {@code phase}. Phase by phase rather than sample by sample:
     * a phase's taps are read once into locals for the BLOCK samples that use them, which halves the loads, and
     * C1 (the launcher's compiler) runs it about twice as fast as the plain loop. Integer sums are exact, so the
     * order gives the same samples.
     */
    private static void block13(short[] pcm, int[] table, int start, int phase, int up, int down, short[] out,
                                int o) {
        int step = down / up;
        int stepPhase = down % up;
        for (int r = 0; r < up; r++) {
            int t = phase * 13;
            int t0 = table[t], t1 = table[t + 1], t2 = table[t + 2], t3 = table[t + 3], t4 = table[t + 4];
            int t5 = table[t + 5], t6 = table[t + 6], t7 = table[t + 7], t8 = table[t + 8], t9 = table[t + 9];
            int t10 = table[t + 10], t11 = table[t + 11], t12 = table[t + 12];
            int s = start;
            int q = o + r;
            for (int k = 0; k < BLOCK; k++) {
                int acc = t0 * pcm[s] + t1 * pcm[s + 1] + t2 * pcm[s + 2] + t3 * pcm[s + 3] + t4 * pcm[s + 4]
                        + t5 * pcm[s + 5] + t6 * pcm[s + 6] + t7 * pcm[s + 7] + t8 * pcm[s + 8] + t9 * pcm[s + 9]
                        + t10 * pcm[s + 10] + t11 * pcm[s + 11] + t12 * pcm[s + 12];
                out[q] = round(acc);
                s += down;
                q += up;
            }
            start += step;
            phase += stepPhase;
            if (phase >= up) {
                phase -= up;
                start++;
            }
        }
    }

    /** A fixed-point sum back to a 16-bit sample, rounded and clipped. */
    private static short round(int acc) {
        int r = (acc + HALF) >> SHIFT;
        return (short) (r > Short.MAX_VALUE ? Short.MAX_VALUE : Math.max(r, Short.MIN_VALUE));
    }

    /**
     * The filter's taps, phase after phase ({@code up} of them), in fixed point ({@value #SHIFT} fractional bits),
     * each phase summing to {@code gain} (its gain at DC). Integer sums are exact and quicker than floating point;
     * they cannot overflow, because the sum of a phase's absolute taps stays under 2 and the gain never lifts a sample
     * above full scale (the loudness step caps it by the peak).
     */
    private static int[] table(int up, int from, int to, double gain) {
        double[][] design = DESIGNS.computeIfAbsent(from + ">" + to, k -> design(up, from, to));
        int taps = design[0].length - 1;
        int[] table = new int[up * taps];
        for (int phase = 0; phase < up; phase++) {
            for (int k = 0; k < taps; k++) {
                table[phase * taps + k] =
                        (int) Math.round(design[phase][k] * gain / design[phase][taps] * (1 << SHIFT));
            }
        }
        return table;
    }

    /**
     * The filter for a pair of rates: each phase's taps followed by their sum (the phase's gain at DC, which the
     * table divides by). Made once per pair (it takes thousands of sines and cosines) and kept, since every paragraph
     * uses the same one.
     */
    private static double[][] design(int up, int from, int to) {
        double cutoff = ROLLOFF * Math.min(1.0, (double) to / from) / 2; // cycles per input sample
        double halfWidth = ZEROS / (2 * cutoff);                          // in input samples
        int taps = 2 * (int) Math.ceil(halfWidth) + 1;
        int centre = taps / 2;
        double[][] design = new double[up][taps + 1];
        for (int phase = 0; phase < up; phase++) {
            double frac = (double) phase / up;
            double sum = 0;
            double[] h = design[phase];
            for (int k = 0; k < taps; k++) {
                double x = k - centre - frac;
                h[k] = Math.abs(x) > halfWidth ? 0 : 2 * cutoff * sinc(2 * cutoff * x) * blackman(x / halfWidth);
                sum += h[k];
            }
            h[taps] = sum;
        }
        return design;
    }

    /** Rounds to the nearest 16-bit sample (halves away from zero), clipping. */
    private static short clip(float v) {
        int r = (int) (v >= 0 ? v + 0.5f : v - 0.5f);
        return (short) (r > Short.MAX_VALUE ? Short.MAX_VALUE : Math.max(r, Short.MIN_VALUE));
    }

    /** Where sample {@code index} at {@code from} Hz falls at {@code to} Hz. */
    public static long position(long index, int from, int to) {
        return from == to ? index : Math.round((double) index * to / from);
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    private static double blackman(double x) {
        double t = (x + 1) / 2; // 0..1 across the window
        return 0.42 - 0.5 * Math.cos(2 * Math.PI * t) + 0.08 * Math.cos(4 * Math.PI * t);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
