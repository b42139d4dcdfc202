package io.rawi.device;

import io.rawi.error.BadInputException;
import io.rawi.error.ProcessingException;
import io.rawi.error.RawiException;
import io.rawi.internal.IoMessages;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The files one book puts on one device, all or nothing: each is written beside its final name
 * ({@code .NAME.rawi-partial}) and flushed to the device; only when every one is written are they renamed into
 * place, a book they replace kept aside ({@code .NAME.rawi-previous}) until all are in. Any failure removes what
 * this run wrote, puts back what it replaced, and says what is left on the device.
 */
final class Transfer {
    private final Path book;
    private final Device device;
    private final List<String> names = new ArrayList<>();
    private final List<Content> contents = new ArrayList<>();

    Transfer(Path book, Device device) {
        this.book = book;
        this.device = device;
    }

    private final List<Path> folders = new ArrayList<>();

    void add(String name, Content content) {
        names.add(name);
        contents.add(content);
        folders.add(null);
    }

    /** A folder of files (a DAISY book), copied whole under {@code name} and put in place in one rename. */
    void addFolder(String name, Path folder) {
        names.add(name);
        contents.add(null);
        folders.add(folder);
    }

    private long size(int i) throws IOException {
        if (folders.get(i) == null) {
            return Files.size(book); // each file is about the book's size
        }
        try (java.util.stream.Stream<Path> files = Files.list(folders.get(i))) {
            long total = 0;
            for (Path f : files.toList()) {
                total += Files.size(f);
            }
            return total;
        }
    }

    List<Path> run() throws RawiException {
        Path dir = device.books();
        List<Path> partials = new ArrayList<>();
        List<Path> placed = new ArrayList<>();
        List<Path> previous = new ArrayList<>();
        try {
            try {
                Files.createDirectories(dir);
                long needed = 0;
                for (int i = 0; i < names.size(); i++) {
                    needed += size(i);
                }
                long free = Files.getFileStore(dir).getUsableSpace();
                if (free < needed) {
                    throw new ProcessingException(where() + " is full: " + String.join(" and ", names)
                            + " need about " + Sideloader.kib(needed) + ", " + Sideloader.kib(free) + " free; nothing was copied");
                }
                for (int i = 0; i < names.size(); i++) {
                    Path partial = dir.resolve("." + names.get(i) + ".rawi-partial");
                    partials.add(partial);
                    if (folders.get(i) != null) {
                        writeFolder(partial, folders.get(i));
                    } else {
                        write(partial, contents.get(i));
                    }
                }
                for (int i = 0; i < names.size(); i++) {
                    Path target = dir.resolve(names.get(i));
                    Path aside = dir.resolve("." + names.get(i) + ".rawi-previous");
                    if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.move(target, aside, StandardCopyOption.REPLACE_EXISTING);
                        previous.add(aside);
                    } else {
                        previous.add(null);
                    }
                    Files.move(partials.get(i), target, StandardCopyOption.ATOMIC_MOVE);
                    placed.add(target);
                }
            } catch (IOException e) {
                throw failure(e);
            }
        } catch (RawiException e) {
            String left = undo(partials, placed, previous);
            throw e instanceof BadInputException ? new BadInputException(e.getMessage() + left)
                    : new ProcessingException(e.getMessage() + left, e.getCause());
        }
        for (Path aside : previous) {
            if (aside != null) {
                Sideloader.deleteQuietly(aside);
            }
        }
        return placed;
    }

    private void write(Path partial, Content content) throws IOException, RawiException {
        try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch),
                     1 << 16)) {
            content.writeTo(out);
            out.flush();
            ch.force(true);
        }
    }

    /** Copies every file of {@code folder} into a new folder {@code partial}, each flushed to the device. */
    private void writeFolder(Path partial, Path folder) throws IOException, RawiException {
        if (Files.exists(partial, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            io.rawi.internal.Folders.deleteTree(partial);
        }
        Files.createDirectory(partial);
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                if (Files.isRegularFile(f)) {
                    write(partial.resolve(f.getFileName().toString()), out -> Sideloader.copy(f, out));
                }
            }
        }
    }

    /** Removes what this run wrote and puts back what it moved aside; says what the device now holds of it. */
    private String undo(List<Path> partials, List<Path> placed, List<Path> previous) {
        List<String> stuck = new ArrayList<>();
        for (Path p : partials) {
            if (!Sideloader.deleteQuietly(p)) {
                stuck.add(p.getFileName().toString());
            }
        }
        for (int i = 0; i < placed.size(); i++) {
            if (!Sideloader.deleteQuietly(placed.get(i))) {
                stuck.add(placed.get(i).getFileName().toString());
            }
        }
        for (int i = 0; i < previous.size(); i++) {
            Path aside = previous.get(i);
            if (aside == null) {
                continue;
            }
            try {
                Files.move(aside, device.books().resolve(names.get(i)), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                stuck.add(aside.getFileName().toString() + " (the copy it replaced)");
            }
        }
        List<String> kept = names.stream().filter(n -> Files.exists(device.books().resolve(n))).toList();
        StringBuilder left = new StringBuilder();
        if (stuck.isEmpty()) {
            left.append("; nothing this run wrote is left on the ").append(device.kind().label());
        } else {
            left.append("; could not remove from ").append(device.books()).append(": ")
                    .append(String.join(", ", stuck)).append(" (delete by hand)");
        }
        if (!kept.isEmpty()) {
            left.append("; the earlier ").append(String.join(" and ", kept)).append(" kept as ")
                    .append(kept.size() == 1 ? "it was" : "they were");
        }
        return left.toString();
    }

    private String where() {
        return device.root() + ": the " + device.kind().label();
    }

    /** The sideload error for a failed write: the device's state, or the book's own fault. */
    private RawiException failure(IOException e) {
        String reason = IoMessages.reason(e);
        if (e instanceof java.util.zip.ZipException) {
            return new BadInputException(book + ": damaged (" + reason + "); not copied");
        }
        String what = reason.contains("read-only") ? "is read-only (is it locked, or mounted read-only?)"
                : reason.contains("no space") ? "is full" : "cannot be written (" + reason + ")";
        return new ProcessingException(where() + " " + what, e);
    }
}
