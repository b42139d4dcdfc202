package io.rawi.audio;

import io.rawi.speech.Mark;
import io.rawi.speech.Utterance;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes paragraphs sound alike: trims the engine's own silence, puts {@value #LEAD_IN_MS} ms of silence before the
 * speech and {@value #LEAD_OUT_MS} ms after it, and normalises loudness to an ACX-style target: RMS of the speech
 * (50 ms blocks above -50 dBFS) at {@value #TARGET_RMS_DBFS} dBFS, peaks no higher than {@value #PEAK_DBFS} dBFS.
 *
 * <p>Clips follow the speech: the first sentence starts after the lead-in, the last one ends where the lead-out
 * begins, and every sentence runs to where the next one starts, so clips have no gaps between them.
 * Thread-safe (stateless).
 */
public final class AudioProcessor {
    public static final int LEAD_IN_MS = 250;
    public static final int LEAD_OUT_MS = 400;
    public static final double TARGET_RMS_DBFS = -20.0;
    public static final double PEAK_DBFS = -3.0;
    private static final int SILENCE = 164;
    private static final int MARGIN_MS = 15;

    private AudioProcessor() {
    }

    /** Processes at the engine's own sample rate. */
    public static Processed process(Utterance u) {
        return process(u, 0);
    }

    /**
     * Processes, resampling to {@code maxRate} Hz when the engine's rate is higher ({@code 0}: never). Speech needs
     * little above 8 kHz, and the encoder's work follows the sample count, so 16 kHz encodes a third faster than
     * eSpeak NG's 22,050 Hz.
     */
    public static Processed process(Utterance u, int maxRate) {
        return process(u, maxRate, LEAD_OUT_MS);
    }

    /** As {@link #process(Utterance, int)}, with {@code leadOutMs} of silence after the speech. */
    public static Processed process(Utterance u, int maxRate, int leadOutMs) {
        short[] in = u.pcm();
        int engineRate = u.sampleRate();
        int rate = maxRate > 0 ? Math.min(maxRate, engineRate) : engineRate;
        int margin = engineRate * MARGIN_MS / 1000;
        int first = 0;
        while (first < in.length && Math.abs(in[first]) < SILENCE) {
            first++;
        }
        int last = in.length;
        while (last > first && Math.abs(in[last - 1]) < SILENCE) {
            last--;
        }
        int from = Math.max(0, first - margin);
        int to = Math.min(in.length, last + margin);
        int leadIn = rate * LEAD_IN_MS / 1000;
        int leadOut = rate * leadOutMs / 1000;
        double gain = gain(in, from, to, engineRate);
        int speech = Resampler.length(Math.max(0, to - from), engineRate, rate);
        short[] out = new short[leadIn + speech + leadOut];
        Resampler.resample(in, from, Math.max(from, to), engineRate, rate, gain, out, leadIn);
        List<Clip> sentences = new ArrayList<>();
        List<Mark> marks = u.sentences();
        for (int k = 0; k < marks.size(); k++) {
            Mark s = marks.get(k);
            long begin = k == 0 ? leadIn : place(s.begin(), from, speech, leadIn, engineRate, rate);
            long end = k + 1 == marks.size() ? leadIn + speech
                    : place(marks.get(k + 1).begin(), from, speech, leadIn, engineRate, rate);
            List<Clip> words = new ArrayList<>();
            for (Mark w : s.words()) {
                long wb = Math.max(begin, Math.min(end, place(w.begin(), from, speech, leadIn, engineRate, rate)));
                long we = Math.max(wb, Math.min(end, place(w.end(), from, speech, leadIn, engineRate, rate)));
                words.add(new Clip(w.id(), ms(wb, rate), ms(we, rate), List.of(), w.estimated()));
            }
            sentences.add(new Clip(s.id(), ms(begin, rate), ms(Math.max(begin, end), rate), words, s.estimated()));
        }
        return new Processed(out, rate, sentences);
    }

    /** Where engine sample {@code sample} lands in the output: after the lead-in, at the output rate. */
    private static long place(long sample, int from, int speech, int leadIn, int engineRate, int rate) {
        return leadIn + Math.max(0, Math.min(speech, Resampler.position(sample - from, engineRate, rate)));
    }

    static long ms(long sample, int rate) {
        return Math.round(sample * 1000.0 / rate);
    }

    /** The gain that brings the speech's RMS to the target without peaks above the ceiling. */
    static double gain(short[] pcm, int from, int to, int rate) {
        int block = Math.max(1, rate / 20);
        double activeFloor = Math.pow(10, -50 / 20.0) * 32768;
        double sum = 0;
        long count = 0;
        int peak = 1;
        for (int b = from; b < to; b += block) {
            int end = Math.min(to, b + block);
            long energy = 0; // exact: a block of 16-bit squares fits easily
            for (int i = b; i < end; i++) {
                int v = pcm[i];
                energy += v * v;
                if (v < 0) {
                    v = -v;
                }
                if (v > peak) {
                    peak = v;
                }
            }
            if (Math.sqrt((double) energy / (end - b)) > activeFloor) {
                sum += energy;
                count += end - b;
            }
        }
        if (count == 0) {
            return 1.0;
        }
        double rms = Math.sqrt(sum / count);
        double gain = Math.pow(10, TARGET_RMS_DBFS / 20.0) * 32768 / rms;
        double ceiling = Math.pow(10, PEAK_DBFS / 20.0) * 32767 / peak;
        return Math.min(gain, ceiling);
    }
}
