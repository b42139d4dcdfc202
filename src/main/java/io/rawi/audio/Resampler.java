package io.rawi.audio;

/**
 * Changes the sample rate of 16-bit speech with a windowed-sinc polyphase filter (Blackman window, {@value #ZEROS}
 * zero crossings each side, cut-off just below the lower rate's Nyquist frequency), so that downsampling does not
 * alias. The filter for a pair of rates is built once per call; the work is about
 * {@code 2 * ZEROS * from / to} multiply-adds per output sample. Thread-safe (stateless).
 */
public final class Resampler {
    static final int ZEROS = 4;
    private static final double ROLLOFF = 0.95;

    private Resampler() {
    }

    /** {@code pcm} at {@code from} Hz, resampled to {@code to} Hz (the same array when the rates are equal). */
    public static short[] resample(short[] pcm, int from, int to) {
        if (from == to || pcm.length == 0) {
            return pcm;
        }
        int g = gcd(from, to);
        int up = to / g;      // phases
        int down = from / g;  // input step per output sample, in phases
        double cutoff = ROLLOFF * Math.min(1.0, (double) to / from) / 2; // cycles per input sample
        double halfWidth = ZEROS / (2 * cutoff);                          // in input samples
        int taps = 2 * (int) Math.ceil(halfWidth) + 1;
        int centre = taps / 2;
        float[][] table = new float[up][taps];
        for (int phase = 0; phase < up; phase++) {
            double frac = (double) phase / up;
            double sum = 0;
            for (int k = 0; k < taps; k++) {
                double x = k - centre - frac;
                double h = Math.abs(x) > halfWidth ? 0 : 2 * cutoff * sinc(2 * cutoff * x) * blackman(x / halfWidth);
                table[phase][k] = (float) h;
                sum += h;
            }
            for (int k = 0; k < taps; k++) {
                table[phase][k] /= (float) sum; // unity gain at DC for every phase
            }
        }
        int n = (int) ((long) pcm.length * up / down);
        short[] out = new short[n];
        float[] in = new float[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            in[i] = pcm[i];
        }
        int base = 0;
        int phase = 0;
        int step = down / up;
        int stepPhase = down % up;
        for (int j = 0; j < n; j++) {
            float[] h = table[phase];
            int start = base - centre;
            float acc = 0;
            if (start >= 0 && start + taps <= in.length) {
                float a0 = 0;
                float a1 = 0;
                float a2 = 0;
                float a3 = 0;
                int k = 0;
                for (; k + 3 < taps; k += 4) { // four sums, so that the multiply-adds overlap
                    a0 += h[k] * in[start + k];
                    a1 += h[k + 1] * in[start + k + 1];
                    a2 += h[k + 2] * in[start + k + 2];
                    a3 += h[k + 3] * in[start + k + 3];
                }
                for (; k < taps; k++) {
                    a0 += h[k] * in[start + k];
                }
                acc = a0 + a1 + a2 + a3;
            } else {
                for (int k = 0; k < taps; k++) {
                    int i = start + k;
                    if (i >= 0 && i < pcm.length) {
                        acc += h[k] * pcm[i];
                    }
                }
            }
            out[j] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(acc)));
            base += step; // the next output sample's place in the input, without a division
            phase += stepPhase;
            if (phase >= up) {
                phase -= up;
                base++;
            }
        }
        return out;
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
