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
import java.nio.file.Files;
import java.nio.file.Path;
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
    static void copy(Path source, OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            in.transferTo(out);
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

    static String kib(long bytes) {
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
    static boolean deleteQuietly(Path p) {
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
