package io.rawi.pipeline;

import io.rawi.error.BadInputException;
import io.rawi.error.ProcessingException;
import io.rawi.error.RawiException;
import io.rawi.internal.IoMessages;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A book's folder being written: everything goes into a hidden sibling, which replaces the old folder only when it is
 * complete. A failure, or a kill, leaves the previous book as it was.
 */
final class Staging implements AutoCloseable {
    private final Path target;
    private final Path dir;
    private boolean published;

    private Staging(Path target, Path dir) {
        this.target = target;
        this.dir = dir;
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
            Path dir = Files.createTempDirectory(base, "." + slug + ".partial-");
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
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new ProcessingException(target + ": cannot put the new book in place (" + IoMessages.reason(e)
                    + "); the previous book was left as it was", e);
        }
    }

    @Override
    public void close() {
        if (!published) {
            deleteTree(dir);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover hidden folder is harmless and the next run starts afresh
        }
    }
}
