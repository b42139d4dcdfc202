package io.rawi.pipeline;

import io.rawi.error.BadInputException;
import io.rawi.error.ProcessingException;
import io.rawi.error.RawiException;
import io.rawi.internal.Folders;
import io.rawi.internal.IoMessages;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * A book's folder being written: everything goes into a hidden sibling ({@code .<slug>.partial-<pid>-…}), which
 * replaces the old folder only when it is complete. A failure, Ctrl-C, SIGTERM or a kill leaves the previous book as it
 * was. The partial folder is removed on failure; on Ctrl-C and SIGTERM the conversion is interrupted, its workers
 * stop, and then the folder is removed ({@link #close}); a later run removes those left by killed processes.
 *
 * <p>While a conversion runs, it holds a lock on a file beside its partial folder ({@code <partial>.lock}): a folder
 * whose lock nobody holds is abandoned, even when the process id in its name is alive (a background server whose
 * request died, or a reused id), and the next run removes it.
 */
final class Staging implements AutoCloseable {
    /** How long a signal waits for the conversion to stop and clean up before the folder is removed anyway. */
    private static final long STOP_WAIT_SECONDS = 30;
    private final Path target;
    /** Set once made: the clean-up hook is registered before anything is made on disk. */
    private volatile Path dir;
    private volatile java.nio.channels.FileChannel lockFile;
    private final Thread onInterrupt;
    private final Thread owner;
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean published;
    private final List<Future<?>> tasks = new CopyOnWriteArrayList<>();

    /** Registers the clean-up hook; throws {@link IllegalStateException} if the JVM is already stopping. */
    private Staging(Path target) {
        this.target = target;
        this.owner = Thread.currentThread();
        this.onInterrupt = new Thread(this::stop, "rawi-staging-cleanup");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
    }

    /**
     * On Ctrl-C or SIGTERM: interrupts the conversion and waits for it to close this folder (its workers stopped
     * first), so that nothing writes into the folder after it is removed. A book already in place is not
     * interrupted, but its lock is still released before the JVM ends.
     */
    private void stop() {
        io.rawi.internal.Interruption.begin();
        if (!published) {
            owner.interrupt();
        }
        try {
            if (closed.await(STOP_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                if (!published) {
                    io.rawi.internal.Interruption.awaitReport();
                }
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Path made = dir;
        if (!published && made != null) {
            Folders.deleteTree(made);
        }
        unlock();
    }

    /** Prepares to write {@code outputDir/slug}, checking that the place is usable. */
    static Staging open(Path outputDir, String slug) throws RawiException {
        if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
            throw new BadInputException(outputDir + ": the output path exists and is not a directory");
        }
        Path base = outputDir.toAbsolutePath().normalize();
        Path target = base.resolve(slug).normalize();
        if (!base.equals(target.getParent())) {
            throw new BadInputException(outputDir + ": the book name '" + slug + "' would escape the output directory");
        }
        Staging staging = null;
        try {
            Files.createDirectories(base);
            PartialFolders.removeAbandoned(base, slug);
            staging = new Staging(target); // before the folder: a signal from now on removes whatever was made
            staging.make(base, slug);
            return staging;
        } catch (IOException | RuntimeException e) {
            if (staging != null) {
                staging.close(); // half made (a signal interrupts the lock's wait, a disk fills): nothing stays
            }
            if (e instanceof IOException io) {
                throw opening(outputDir, io);
            }
            throw (RuntimeException) e;
        }
    }

    /** Makes the partial folder and takes its lock; whatever part is made is set at once, for clean-up to find. */
    private void make(Path base, String slug) throws IOException {
        dir = Files.createTempDirectory(base, "." + slug + ".partial-" + ProcessHandle.current().pid() + "-");
        io.rawi.internal.HeldLocks.add(PartialFolders.lockOf(dir).toAbsolutePath());
        lockFile = java.nio.channels.FileChannel.open(PartialFolders.lockOf(dir), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
        lockFile.lock();
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static RawiException opening(Path outputDir, IOException e) {
        if (e instanceof FileAlreadyExistsException taken) {
            return new BadInputException(outputDir + ": a file is in the way of the output directory: "
                    + taken.getFile());
        }
        return new ProcessingException(outputDir + ": the output directory is not writable (" + IoMessages.reason(e)
                + ")", e);
    }

    /** Work on other threads that writes into {@link #dir()}: on failure, it ends before the folder is removed. */
    void track(Future<?> task) {
        tasks.add(task);
    }

    /** Where files are written until {@link #publish()}. */
    Path dir() {
        return dir;
    }

    /** Where the book will be. */
    Path target() {
        return target;
    }

    /** Moves the finished folder into place, replacing the previous book. */
    void publish() throws ProcessingException {
        Path old = target.resolveSibling("." + target.getFileName() + ".old-" + ProcessHandle.current().pid());
        try {
            boolean hadOld = Files.exists(target);
            if (hadOld) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (hadOld) {
                    Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                }
                throw e;
            }
            published = true;
            if (hadOld) {
                Folders.deleteTree(old);
            }
        } catch (IOException e) {
            throw new ProcessingException(target + ": cannot put the new book in place (" + IoMessages.reason(e)
                    + "); the previous book was left as it was", e);
        }
    }

    @Override
    public void close() {
        try {
            cleanUp();
        } finally {
            unlock();
            closed.countDown();
        }
    }

    private void cleanUp() {
        if (!published) {
            boolean interrupted = Thread.interrupted(); // Ctrl-C interrupts this thread; the writers are still waited for
            for (Future<?> task : tasks) {
                while (true) {
                    try {
                        task.get(); // a writer still running could put a file back into the folder being removed
                        break;
                    } catch (ExecutionException | CancellationException e) {
                        break; // its failure is already the conversion's, or does not matter now
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (dir != null) {
                Folders.deleteTree(dir);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs anyway
        }
    }

    /** Releases and removes the lock beside the partial folder (once it is published or removed). */
    private synchronized void unlock() {
        Path made = dir;
        if (made == null) {
            return;
        }
        Path lock = PartialFolders.lockOf(made);
        try {
            if (lockFile != null) {
                lockFile.close();
            }
        } catch (IOException e) {
            // closing releases the lock whatever it reports
        }
        try {
            Files.deleteIfExists(lock);
        } catch (IOException e) {
            // an empty lock file that nobody holds: the next run removes it
        } finally {
            io.rawi.internal.HeldLocks.remove(lock.toAbsolutePath());
        }
    }
}
