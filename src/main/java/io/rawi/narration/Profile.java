package io.rawi.narration;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The processor time a narration spends in each phase, summed over its threads: one per conversion, given to its
 * {@link Narrator}; {@link #OFF} measures nothing (reading a thread's processor time is not free, and the management
 * classes take a cold start a while to load).
 */
public final class Profile {
    /** The phases, in the order of their indexes. */
    public enum Phase {
        SPEAK, PROCESS, ENCODE, DIACRITIZE, PLAN
    }

    /** A profile that measures nothing. */
    public static final Profile OFF = new Profile(false);

    private final boolean on;
    private final AtomicLongArray nanos = new AtomicLongArray(Phase.values().length);

    /** @param on whether to measure (with {@code RAWI_TIMING}) */
    public Profile(boolean on) {
        this.on = on;
    }

    /** This thread's processor time in nanoseconds, or 0 when the profile is off. */
    long cpu() {
        return on ? Bean.BEAN.getCurrentThreadCpuTime() : 0;
    }

    /** Adds this thread's processor time since {@code since} to {@code phase}; returns the time now. */
    long add(Phase phase, long since) {
        if (!on) {
            return 0;
        }
        long now = cpu();
        nanos.addAndGet(phase.ordinal(), now - since);
        return now;
    }

    /** The processor time of {@code phase} so far, in milliseconds. */
    public long millis(Phase phase) {
        return nanos.get(phase.ordinal()) / 1_000_000;
    }

    /** Loaded only when a profile measures. */
    private static final class Bean {
        static final ThreadMXBean BEAN = ManagementFactory.getThreadMXBean();
    }
}
