package io.rawi.pipeline;

import io.rawi.internal.Folders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * What runs that were killed leave beside a book (see {@link Staging}): partial folders, their locks, and a previous
 * book moved aside. A folder whose lock nobody holds is abandoned, even when the process id in its name is alive.
 */
final class PartialFolders {
    /**
     * How old a partial folder without a lock file must be to count as abandoned although its process id is alive:
     * the lock is taken an instant after the folder is made.
     */
    private static final long UNLOCKED_GRACE_MILLIS = 60_000;

    private PartialFolders() {
    }

    private static boolean olderThan(Path p, long millis) {
        try {
            return Files.getLastModifiedTime(p).toMillis() < System.currentTimeMillis() - millis;
        } catch (IOException e) {
            return false;
        }
    }

    /** The lock file beside a partial folder. */
    static Path lockOf(Path partial) {
        return partial.resolveSibling(partial.getFileName() + ".lock");
    }

    /**
     * Whether the conversion that wrote {@code partial} is over: its lock is free (or, with no lock file, its process
     * is gone). A lock held in this very process (another request of the background server) is in use.
     */
    private static boolean abandoned(Path partial, String owner) {
        Path lock = lockOf(partial);
        if (io.rawi.internal.HeldLocks.contains(lock.toAbsolutePath())) {
            return false; // never opened a second time here: closing that would drop this process's lock (POSIX)
        }
        if (!Files.exists(lock)) { // made before the lock (for an instant), or by a rawi that took no locks
            return !Folders.ofRunningProcess(owner) || olderThan(partial, UNLOCKED_GRACE_MILLIS);
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(lock,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock held = ch.tryLock();
            if (held == null) {
                return false;
            }
            held.release();
            return true;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return false;
        } catch (IOException e) {
            return !Folders.ofRunningProcess(owner);
        }
    }

    /**
     * Cleans up after runs that are over without cleaning up (killed with -9, the machine stopped, a request of a
     * background server that died): their partial folders are removed, and a previous book that was moved aside just
     * before the new one moved in is put back.
     */
    static void removeAbandoned(Path base, String slug) throws IOException {
        String partial = "." + slug + ".partial-";
        String old = "." + slug + ".old-";
        Path target = base.resolve(slug);
        try (Stream<Path> list = Files.list(base)) {
            for (Path p : list.toList()) {
                String name = p.getFileName().toString();
                String prefix = name.startsWith(partial) ? partial : name.startsWith(old) ? old : null;
                if (prefix == null) {
                    continue;
                }
                String owner = name.substring(prefix.length());
                if (prefix.equals(partial)) {
                    if (name.endsWith(".lock")) { // a lock whose folder is gone
                        Path folder = p.resolveSibling(name.substring(0, name.length() - ".lock".length()));
                        if (!Files.exists(folder) && abandoned(folder, owner)) {
                            Files.deleteIfExists(p);
                        }
                    } else if (abandoned(p, owner)) {
                        Folders.deleteTree(p);
                        Files.deleteIfExists(lockOf(p));
                    }
                } else if (!Folders.ofRunningProcess(owner)) {
                    if (!Files.exists(target)) {
                        Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
                    } else {
                        Folders.deleteTree(p);
                    }
                }
            }
        }
    }
}
