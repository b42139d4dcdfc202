package io.rawi.device;

import io.rawi.error.BadInputException;
import io.rawi.error.ProcessingException;
import io.rawi.error.RawiException;
import io.rawi.internal.IoMessages;
import io.rawi.internal.Processes;
import io.rawi.internal.Programs;

import java.io.InputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Copies a book onto a reader, streamed (constant memory whatever the book's size), all or nothing across the files
 * one book puts there ({@link Transfer}): a full or unplugged device never keeps half a book. Names are made safe for
 * FAT file systems.
 */
public final class Sideloader {
    /** What was copied, and what the user should know. */
    public record Result(List<Path> copied, List<String> notes) {
        public Result {
            copied = List.copyOf(copied);
            notes = List.copyOf(notes);
        }
    }

    private Sideloader() {
    }

    public static Result sideload(Path epub, Device device, Consumer<String> log) throws RawiException {
        Path daisy = Files.isDirectory(epub) ? epub : Files.isDirectory(epub.resolveSibling("daisy202"))
                ? epub.resolveSibling("daisy202") : epub.resolveSibling("daisy3");
        boolean isDaisy = Files.isRegularFile(daisy.resolve("ncc.html")) || hasOpf(daisy);
        if (device.kind() == Device.Kind.VICTOR || Files.isDirectory(epub)) {
            if (!isDaisy) {
                throw new BadInputException(epub + (Files.isDirectory(epub)
                        ? ": not a DAISY book (no ncc.html, no .opf)"
                        : ": a Victor Reader Stream plays DAISY talking books, and none is beside this EPUB; make "
                        + "one with rawi convert --daisy 202 (or --daisy 3)"));
            }
            if (device.kind() != Device.Kind.VICTOR && device.kind() != Device.Kind.FOLDER) {
                throw new BadInputException(epub + ": a DAISY book goes to a DAISY player, not to a "
                        + device.kind().label() + "; give the EPUB");
            }
            Path folder = daisy.toAbsolutePath().normalize();
            Path named = folder.getFileName().toString().matches("daisy(202|3)") ? folder.getParent() : folder;
            Transfer transfer = new Transfer(epub, device);
            transfer.addFolder(safeName(named.getFileName().toString()), folder);
            return finish(transfer, List.of("the talking book is in its own folder, as the player's bookshelf "
                    + "wants it; find it under DAISY books (the Bookshelf key)"), log, List.of());
        }
        try {
            if (!Files.isRegularFile(epub) || !Kepub.isEpub(epub)) {
                throw new BadInputException(epub + ": not an EPUB file");
            }
        } catch (IOException e) {
            throw new BadInputException(epub + ": cannot be read (" + IoMessages.reason(e) + ")");
        }
        String stem = safeName(epub.getFileName().toString().replaceFirst("(?i)\\.epub$", ""));
        List<String> notes = new ArrayList<>();
        Transfer transfer = new Transfer(epub, device);
        switch (device.kind()) {
            case KOBO -> {
                transfer.add(stem + ".epub", out -> copy(epub, out));
                transfer.add(stem + ".kepub.epub", out -> Kepub.convert(epub, out));
                notes.add("Kobo e-ink readers show right-to-left books but do not play media overlays: open the "
                        + ".kepub.epub to read, and play the narration on a phone (the audio/ folder and the .m3u8 "
                        + "playlist beside the book, or the EPUB in an app that reads overlays, such as Thorium)");
            }
            case KINDLE -> {
                notes.add("Kindle readers do not open EPUB copied over USB. Send the EPUB with Send to Kindle (the "
                        + "Send to Kindle app or web page, or e-mail it to your Kindle address): Amazon converts it, "
                        + "without the narration, which Kindle e-ink readers drop");
                if (Programs.find("ebook-convert").isPresent()) {
                    Path azw3 = azw3(epub, stem);
                    transfer.add(stem + ".azw3", out -> copy(azw3, out));
                    try {
                        return finish(transfer, notes, log, List.of("copied an AZW3 made by Calibre's ebook-convert, "
                                + "which Kindle readers open over USB"));
                    } finally {
                        deleteQuietly(azw3);
                        deleteQuietly(azw3.getParent());
                    }
                }
                notes.add("or install Calibre (apt-get install calibre) and run sideload again: rawi then "
                        + "converts the book to AZW3 with ebook-convert and copies that");
            }
            default -> transfer.add(stem + ".epub", out -> copy(epub, out));
        }
        return finish(transfer, notes, log, List.of());
    }

    private static Result finish(Transfer transfer, List<String> notes, Consumer<String> log, List<String> more)
            throws RawiException {
        List<Path> copied = transfer.run();
        copied.forEach(p -> log.accept("copied " + p));
        List<String> all = new ArrayList<>(notes);
        if (!copied.isEmpty()) {
            all.addAll(more);
        }
        return new Result(copied, all);
    }

    /** Streams {@code source} into {@code out}. */
    private static void copy(Path source, OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            in.transferTo(out);
        }
    }

    /** Writes a file's bytes to a stream. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException, RawiException;
    }

    /**
     * The files one book puts on one device, all or nothing: each is written beside its final name
     * ({@code .NAME.rawi-partial}) and flushed to the device; only when every one is written are they renamed into
     * place, a book they replace kept aside ({@code .NAME.rawi-previous}) until all are in. Any failure removes what
     * this run wrote, puts back what it replaced, and says what is left on the device.
     */
    static final class Transfer {
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
                                + " need about " + kib(needed) + ", " + kib(free) + " free; nothing was copied");
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
                    deleteQuietly(aside);
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
                        write(partial.resolve(f.getFileName().toString()), out -> copy(f, out));
                    }
                }
            }
        }

        /** Removes what this run wrote and puts back what it moved aside; says what the device now holds of it. */
        private String undo(List<Path> partials, List<Path> placed, List<Path> previous) {
            List<String> stuck = new ArrayList<>();
            for (Path p : partials) {
                if (!deleteQuietly(p)) {
                    stuck.add(p.getFileName().toString());
                }
            }
            for (int i = 0; i < placed.size(); i++) {
                if (!deleteQuietly(placed.get(i))) {
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

    /** A name FAT, exFAT, NTFS and ext4 all accept: ASCII letters, digits, '-', '_' and '.'. */
    static String safeName(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String safe = ascii.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+|-+$", "");
        if (safe.length() > 100) {
            safe = safe.substring(0, 100);
        }
        return safe.isEmpty() ? "book-" + Integer.toHexString(name.hashCode()) : safe.toLowerCase(Locale.ROOT);
    }

    private static String kib(long bytes) {
        return (bytes + 1023) / 1024 + " KiB";
    }

    private static Path azw3(Path epub, String stem) throws RawiException {
        Path out;
        try {
            out = Files.createTempDirectory("rawi-azw3-").resolve(stem + ".azw3");
        } catch (IOException e) {
            throw new ProcessingException(epub + ": ebook-convert failed (" + IoMessages.reason(e) + ")", e);
        }
        Processes.run(List.of("ebook-convert", epub.toString(), out.toString()), new byte[0], Duration.ofMinutes(10),
                epub + ": ebook-convert could not make an AZW3");
        if (!Files.isRegularFile(out)) {
            throw new ProcessingException(epub + ": ebook-convert wrote no AZW3");
        }
        return out;
    }

    /** Whether {@code folder} holds a DAISY 3 package file. */
    private static boolean hasOpf(Path folder) {
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> f.toString().endsWith(".opf"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes {@code p} if it is there; false if it could not be deleted. */
    private static boolean deleteQuietly(Path p) {
        try {
            if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                io.rawi.internal.Folders.deleteTree(p);
                return !Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            }
            Files.deleteIfExists(p);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
