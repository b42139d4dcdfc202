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
     * The samples of the synthesis under way, kept from one to the next: a paragraph's audio is copied out once,
     * not gathered from a new array per callback.
     */
    short[] heard = new short[1 << 20];

    EspeakSlot(int index) {
        this.index = index;
    }
}
