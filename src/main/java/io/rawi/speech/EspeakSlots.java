package io.rawi.speech;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The slots of an {@link EspeakLibrary} (one copy of the library each): made on first use, the first when the
 * library is first loaded and the others when syntheses overlap, then handed out and taken back. Guarded by the
 * library's own monitor, which the pool shares: whether more than the first slot may be made depends on the library's
 * state (its file known), read under the same lock.
 */
final class EspeakSlots {
    /** The library, whose monitor guards the pool. */
    private final Object lock;
    private final EspeakSlot[] slots;
    /** The slots not speaking now. */
    private final ArrayDeque<EspeakSlot> idle = new ArrayDeque<>();
    private int made;

    /** Up to {@code count} slots, guarded by {@code lock}. */
    EspeakSlots(Object lock, int count) {
        this.lock = lock;
        this.slots = new EspeakSlot[count];
    }

    /** The slot {@code index}, made on first use. */
    EspeakSlot slot(int index) {
        synchronized (lock) {
            if (slots[index] == null) {
                slots[index] = new EspeakSlot(index);
                made = Math.max(made, index + 1);
                idle.addLast(slots[index]);
            }
            return slots[index];
        }
    }

    /** Gives each slot made so far to {@code action}, with the slot's own lock held. */
    void eachLocked(Consumer<EspeakSlot> action) {
        for (int i = 0; i < slots.length; i++) {
            EspeakSlot slot;
            synchronized (lock) {
                slot = slots[i];
            }
            if (slot == null) {
                continue;
            }
            slot.lock.lock();
            try {
                action.accept(slot);
            } finally {
                slot.lock.unlock();
            }
        }
    }

    /**
     * Takes the lock of every slot made so far, waiting up to {@code nanos} in all for those speaking; returns the
     * slots it locked, for the caller to unlock.
     */
    List<EspeakSlot> lockAll(long nanos) {
        List<EspeakSlot> locked = new ArrayList<>();
        long until = System.nanoTime() + nanos;
        try {
            for (int i = 0; i < slots.length; i++) {
                EspeakSlot slot;
                synchronized (lock) {
                    slot = slots[i];
                }
                if (slot != null && slot.lock.tryLock(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    locked.add(slot);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return locked;
    }

    /**
     * A slot to speak with: an idle one, else a new one while there are fewer than the pool holds, else the next to
     * be released. {@code fileKnown} (asked under the lock) says whether the library's file is known, so that slots
     * after the first, which copy it, may be used; while it is not, only the first slot is handed out.
     */
    EspeakSlot acquire(BooleanSupplier fileKnown) throws SpeechException {
        synchronized (lock) {
            while (true) {
                if (!fileKnown.getAsBoolean()) {
                    // no other load may hold the library meanwhile: the first slot finds it by name
                    EspeakSlot first = slot(0);
                    if (idle.remove(first)) {
                        return first;
                    }
                    awaitRelease();
                    continue;
                }
                EspeakSlot free = idle.pollFirst();
                if (free != null) {
                    return free;
                }
                if (made < slots.length) {
                    EspeakSlot next = slot(made);
                    idle.remove(next);
                    return next;
                }
                awaitRelease();
            }
        }
    }

    /** Waits for a slot to be released (the caller holds the lock). */
    private void awaitRelease() throws SpeechException {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechException("eSpeak NG: interrupted");
        }
    }

    /** Takes {@code slot} back: the slot used last is taken first, its buffer warm. */
    void release(EspeakSlot slot) {
        synchronized (lock) {
            idle.addFirst(slot);
            lock.notifyAll();
        }
    }
}
