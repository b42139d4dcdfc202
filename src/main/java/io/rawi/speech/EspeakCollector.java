package io.rawi.speech;

import com.sun.jna.Pointer;

import java.util.ArrayList;
import java.util.List;

/** The samples and events of one synthesis, gathered from the library's callbacks into its slot's buffer. */
final class EspeakCollector {
    final EspeakSlot slot;
    final List<EspeakLibrary.MarkEvent> marks = new ArrayList<>();
    final List<EspeakLibrary.WordEvent> words = new ArrayList<>();
    int samples;
    volatile boolean abort;
    boolean interrupted;

    EspeakCollector(EspeakSlot slot) {
        this.slot = slot;
    }

    /** Appends {@code n} samples from the library's buffer to {@link EspeakSlot#heard}. */
    void add(Pointer wav, int n) {
        if (slot.heard.length - samples < n) {
            slot.heard = java.util.Arrays.copyOf(slot.heard, Math.max(2 * slot.heard.length, samples + n));
        }
        wav.read(0, slot.heard, samples, n);
        samples += n;
    }

    /** The audio, in one piece. */
    short[] pcm() {
        short[] pcm = java.util.Arrays.copyOf(slot.heard, samples);
        if (slot.heard.length > KEEP) { // a very long paragraph's buffer is not kept for the rest of the book
            slot.heard = new short[1 << 20];
        }
        return pcm;
    }

    /** The largest buffer kept between syntheses: a minute and a half of speech (4 MiB); it starts at half that. */
    private static final int KEEP = 1 << 21;
    /** The library's callback: samples and events into the collector of the synthesis under way; 1 stops it. */
    static int onAudio(EspeakSlot slot, Pointer wav, int samples, Pointer events) {
        EspeakCollector c = slot.current;
        if (c == null) {
            return 1;
        }
        if (events != null) {
            for (int i = 0; ; i++) {
                Pointer e = events.share((long) i * EspeakApi.EVENT_SIZE);
                int type = e.getInt(0);
                if (type == 0) {
                    break;
                }
                long sample = e.getInt(20);
                if (type == EspeakApi.EVENT_MARK) {
                    Pointer name = e.getPointer(EspeakApi.ID_OFFSET);
                    if (name != null) {
                        c.marks.add(new EspeakLibrary.MarkEvent(name.getString(0, "UTF-8"), sample));
                    }
                } else if (type == EspeakApi.EVENT_WORD) {
                    c.words.add(new EspeakLibrary.WordEvent(e.getInt(8), sample));
                }
            }
        }
        if (wav != null && samples > 0) {
            c.add(wav, samples);
        }
        if (Thread.currentThread().isInterrupted()) { // the conversion is stopping: the speech is not wanted
            c.abort = true;
            c.interrupted = true;
        }
        return c.abort ? 1 : 0;
    }
}
