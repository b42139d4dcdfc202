package io.rawi.speech;

import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One loaded copy of the library, with what it keeps between calls. Guarded by {@link #lock}, held for a whole
 * synthesis; loading and unloading also hold the class (the folders and the maps are shared).
 */
final class EspeakSlot {
    final int index;
    final ReentrantLock lock = new ReentrantLock();
    EspeakApi api;
    /** Whether the loaded library has spoken: it then carries state from what it spoke (see {@link EspeakLibrary#fresh}). */
    boolean used;
    /** The folder the loaded library was started on: null for eSpeak NG's own, else its data folder ({@link EspeakDataFolder}). */
    Path startedOn;
    EspeakApi.SynthCallback callback;
    volatile EspeakCollector current;
    /**
     * The samples of the synthesis under way, in blocks of {@link EspeakCollector#BLOCK} filled in order and kept from
     * one synthesis to the next (see {@link EspeakCollector}).
     */
    final java.util.List<short[]> heard = new java.util.ArrayList<>();

    EspeakSlot(int index) {
        this.index = index;
    }
}
