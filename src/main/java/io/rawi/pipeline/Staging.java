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
import java.util.stream.Stream;

/**
 * A book's folder being written: everything goes into a hidden sibling ({@code .<slug>.partial-<pid>-…}), which
 * replaces the old folder only when it is complete. A failure, Ctrl-C or a kill leaves the previous book as it was;
 * the partial folder is removed on failure and on Ctrl-C, and a later run removes those left by killed processes.
 */
final class Staging implements AutoCloseable {
    private final Path target;
    private final Path dir;
    private final Thread onInterrupt;
    private volatile boolean published;
    private final List<Future<?>> tasks = new CopyOnWriteArrayList<>();

    private Staging(Path target, Path dir) {
        this.target = target;
        this.dir = dir;
        this.onInterrupt = new Thread(() -> {
            if (!published) {
                Folders.deleteTree(dir);
            }
        }, "rawi-staging-cleanup");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
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
        try {
            Files.createDirectories(base);
            removeAbandoned(base, slug);
            Path dir = Files.createTempDirectory(base, "." + slug + ".partial-" + ProcessHandle.current().pid() + "-");
            if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return new Staging(target, dir);
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException(outputDir + ": a file is in the way of the output directory: " + e.getFile());
        } catch (IOException e) {
            throw new ProcessingException(outputDir + ": the output directory is not writable ("
                    + IoMessages.reason(e) + ")", e);
        }
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
        if (!published) {
            for (Future<?> task : tasks) {
                try {
                    task.get(); // a writer still running could put a file back into the folder being removed
                } catch (ExecutionException | CancellationException e) {
                    // its failure is already the conversion's, or does not matter now
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            Folders.deleteTree(dir);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs anyway
        }
    }

    /**
     * Cleans up after runs whose process is gone (killed with -9, or the machine stopped): their partial folders are
     * removed, and a previous book that was moved aside just before the new one moved in is put back.
     */
    private static void removeAbandoned(Path base, String slug) throws IOException {
        String partial = "." + slug + ".partial-";
        String old = "." + slug + ".old-";
        Path target = base.resolve(slug);
        try (Stream<Path> list = Files.list(base)) {
            for (Path p : list.toList()) {
                String name = p.getFileName().toString();
                String prefix = name.startsWith(partial) ? partial : name.startsWith(old) ? old : null;
                if (prefix == null || Folders.ofRunningProcess(name.substring(prefix.length()))) {
                    continue;
                }
                if (prefix.equals(old) && !Files.exists(target)) {
                    Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Folders.deleteTree(p);
                }
            }
        }
    }
}
