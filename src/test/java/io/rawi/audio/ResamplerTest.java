package io.rawi.audio;

import io.rawi.speech.Utterance;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResamplerTest {
    private static short[] tone(double hz, int rate, double seconds, double amplitude) {
        short[] pcm = new short[(int) (rate * seconds)];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return pcm;
    }

    /** RMS of the middle half, away from the edges where the filter runs off the ends. */
    private static double rms(short[] pcm) {
        double sum = 0;
        int from = pcm.length / 4;
        int to = 3 * pcm.length / 4;
        for (int i = from; i < to; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    private static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }

    private static int crossings(short[] pcm) {
        int n = 0;
        for (int i = pcm.length / 4 + 1; i < 3 * pcm.length / 4; i++) {
            if ((pcm[i - 1] < 0) != (pcm[i] < 0)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void speechBandPassesUnchangedAndKeepsItsPitch() {
        short[] in = tone(1000, 22050, 2, 0.5);
        short[] out = Resampler.resample(in, 22050, 16000);
        assertEquals(32000, out.length);
        assertEquals(0, db(rms(out) / rms(in)), 0.1, "a 1 kHz tone keeps its level");
        // 1 kHz over the middle second: about 2,000 zero crossings at either rate
        assertEquals(crossings(in) * 1.0, crossings(out), 2.0);
    }

    @Test
    void toneAboveTheNewNyquistIsSuppressedNotFoldedBack() {
        short[] in = tone(10_000, 22050, 2, 0.5);
        short[] out = Resampler.resample(in, 22050, 16000);
        assertTrue(db(rms(out) / rms(in)) < -20, "10 kHz would alias to 6 kHz: " + db(rms(out) / rms(in)) + " dB");
    }

    @Test
    void gainIsAppliedInTheSamePassAndFullScaleNeitherOverflowsNorWraps() {
        short[] in = tone(440, 22050, 1, 0.25);
        short[] out = new short[100 + Resampler.length(in.length, 22050, 16000)];
        Resampler.resample(in, 0, in.length, 22050, 16000, 2.0, out, 100);
        for (int i = 0; i < 100; i++) {
            assertEquals(0, out[i], "nothing is written before the offset");
        }
        short[] body = java.util.Arrays.copyOfRange(out, 100, out.length);
        assertEquals(db(2.0), db(rms(body) / rms(in)), 0.1);

        short[] square = new short[22050];
        for (int i = 0; i < square.length; i++) {
            square[i] = (i / 50) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE;
        }
        short[] loud = Resampler.resample(square, 22050, 16000);
        int checked = 0;
        for (int j = 0; j < loud.length; j++) {
            int i = (int) ((long) j * 22050 / 16000);
            if (i < 8 || i + 8 >= square.length || square[i - 8] != square[i + 8]) {
                continue; // near an edge, where the filter legitimately passes through zero
            }
            // a sum that wrapped around would come out with the wrong sign
            assertEquals(square[i] > 0, loud[j] > 0, "sample " + j);
            assertTrue(Math.abs(loud[j]) > 30000, "sample " + j + ": " + loud[j]);
            checked++;
        }
        assertTrue(checked > loud.length / 2);
    }

    @Test
    void processorNormalisesLoudnessAndPlacesTheLeadIn() {
        short[] speech = tone(300, 22050, 3, 0.05);
        Processed p = AudioProcessor.process(new Utterance(speech, 22050, List.of()), 16000);
        assertEquals(16000, p.sampleRate());
        int leadIn = 16000 * AudioProcessor.LEAD_IN_MS / 1000;
        for (int i = 0; i < leadIn; i++) {
            assertEquals(0, p.pcm()[i]);
        }
        short[] body = java.util.Arrays.copyOfRange(p.pcm(), leadIn, p.pcm().length - 16000 * AudioProcessor.LEAD_OUT_MS / 1000);
        assertEquals(AudioProcessor.TARGET_RMS_DBFS, db(rms(body) / 32768), 0.3);
        assertEquals(3000 + AudioProcessor.LEAD_IN_MS + AudioProcessor.LEAD_OUT_MS, p.durationMillis(), 40);
    }

    /**
     * Every output sample, in the middle and at both ends, for the rate pairs rawi meets (eSpeak NG's 22,050 Hz has its
     * own written-out path), is what the documented filter gives, computed here in floating point, give or take the
     * rounding of the output and of the 14-bit taps: a
     * Blackman-windowed sinc with {@link Resampler#ZEROS} zero crossings each side, cut off at
     * {@link Resampler#ROLLOFF} of the lower Nyquist frequency, each phase scaled to the gain at DC.
     */
    @Test
    void everySampleFollowsTheDocumentedFilter() {
        java.util.Random random = new java.util.Random(6);
        for (int[] rates : new int[][] {{22050, 16000}, {24000, 16000}, {44100, 16000}, {16000, 22050}}) {
            int from = rates[0];
            int to = rates[1];
            short[] in = new short[from / 5];
            for (int i = 0; i < in.length; i++) {
                in[i] = (short) Math.max(-20000, Math.min(20000, Math.round(random.nextGaussian() * 6000)));
            }
            double gain = 0.8;
            short[] out = new short[Resampler.length(in.length, from, to)];
            Resampler.resample(in, 0, in.length, from, to, gain, out, 0);
            double cutoff = Resampler.ROLLOFF * Math.min(1.0, (double) to / from) / 2;
            double halfWidth = Resampler.ZEROS / (2 * cutoff);
            int centre = (int) Math.ceil(halfWidth);
            for (int j = 0; j < out.length; j++) {
                long num = (long) j * from; // output j sits at input num / to
                int base = (int) (num / to);
                double frac = (double) (num % to) / to;
                double sum = 0;
                double dc = 0;
                double tolerance = 0.5; // the output's rounding, and each tap's rounding to 14 bits

                for (int k = -centre; k <= centre; k++) {
                    double x = k - frac;
                    double h = Math.abs(x) > halfWidth ? 0 : Math.sin(Math.PI * 2 * cutoff * x) / (Math.PI * x + 1e-300)
                            * (0.42 + 0.5 * Math.cos(Math.PI * x / halfWidth) + 0.08 * Math.cos(2 * Math.PI * x / halfWidth));
                    if (x == 0) {
                        h = 2 * cutoff;
                    }
                    dc += h;
                    int i = base + k;
                    if (i >= 0 && i < in.length) {
                        sum += h * in[i];
                        tolerance += Math.abs(in[i]) * 0.5 / (1 << 14);
                    }
                }
                double expected = Math.max(-32768, Math.min(32767, sum * gain / dc));
                assertEquals(expected, out[j], tolerance + 1e-6, from + " to " + to + " Hz, sample " + j + " of " + out.length);
            }
        }
    }
}
