package io.rawi.speech;

import com.sun.jna.Pointer;

import java.util.ArrayList;
import java.util.List;

/** The samples and events of one synthesis, gathered from the library's callbacks into its slot's blocks. */
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

    /**
     * Appends {@code n} samples from the library's buffer to the slot's blocks. Blocks of a fixed size, not one array
     * that doubles: a paragraph of two minutes was copied three times as it grew (20 MB allocated for its 6 MB of
     * samples, enough to bring on a collection in a one-paragraph rebuild).
     */
    void add(Pointer wav, int n) {
        for (int done = 0; done < n; ) {
            int block = samples / BLOCK;
            if (block == slot.heard.size()) {
                slot.heard.add(new short[BLOCK]);
            }
            int at = samples % BLOCK;
            int k = Math.min(n - done, BLOCK - at);
            wav.read(2L * done, slot.heard.get(block), at, k);
            done += k;
            samples += k;
        }
    }

    /** The audio, in one piece: the only array made per synthesis once the slot has blocks enough. */
    short[] pcm() {
        short[] pcm = new short[samples];
        for (int block = 0, at = 0; at < samples; block++, at += BLOCK) {
            System.arraycopy(slot.heard.get(block), 0, pcm, at, Math.min(BLOCK, samples - at));
        }
        while (slot.heard.size() > KEEP / BLOCK) { // a very long paragraph's blocks are not kept for the whole book
            slot.heard.remove(slot.heard.size() - 1);
        }
        return pcm;
    }

    /** Samples per block: three seconds of speech at eSpeak NG's 22,050 Hz. */
    static final int BLOCK = 1 << 16;
    /** The most samples kept in blocks between syntheses: a minute and a half of speech (4 MiB). */
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
