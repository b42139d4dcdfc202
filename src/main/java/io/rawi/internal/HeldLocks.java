package io.rawi.internal;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock files this process holds beside its partial book folders (a background server converts several books at
 * once). A lock held here is never opened a second time by this process: on POSIX, closing that second channel would
 * drop the process's lock.
 */
public final class HeldLocks {
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private HeldLocks() {
    }

    /** Records that this process holds {@code lock} (an absolute path). */
    public static void add(Path lock) {
        HELD.add(lock);
    }

    /** Records that it no longer does. */
    public static void remove(Path lock) {
        HELD.remove(lock);
    }

    /** Whether this process holds {@code lock}. */
    public static boolean contains(Path lock) {
        return HELD.contains(lock);
    }
}
