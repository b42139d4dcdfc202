package io.rawi.internal;

/**
 * Whether this process is being stopped (Ctrl-C, SIGTERM): set by the first shutdown hook that cleans up after a
 * conversion, read by whatever would otherwise report the errors that stopping causes (an engine whose data folder
 * was just removed, a worker interrupted mid-file) as if they were the user's problem.
 */
public final class Interruption {
    private static volatile boolean stopping;
    private static final java.util.concurrent.CountDownLatch REPORTED = new java.util.concurrent.CountDownLatch(1);

    private Interruption() {
    }

    /** Marks the process as stopping. */
    public static void begin() {
        stopping = true;
    }

    /** Whether the process is stopping. */
    public static boolean stopping() {
        return stopping;
    }

    /** Says that the interruption was reported to the user: the process may end now. */
    public static void reported() {
        REPORTED.countDown();
    }

    /**
     * Waits, a little, for the interruption to be reported (the JVM ends when its shutdown hooks do, and the report is
     * made just after the conversion has cleaned up).
     */
    public static void awaitReport() {
        try {
            REPORTED.await(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The exit code of a run stopped by a signal: 130, as a shell reports Ctrl-C (the JVM's own for SIGTERM is 143). */
    public static final int EXIT_CODE = 130;
}
