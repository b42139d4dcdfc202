package io.rawi.device;

import io.rawi.error.BadInputException;
import io.rawi.error.ProcessingException;
import io.rawi.error.RawiException;
import io.rawi.internal.IoMessages;
import io.rawi.internal.Processes;
import io.rawi.internal.Programs;

import java.io.ByteArrayOutputStream;
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
 * Copies a book onto a reader: each file is written beside its final name, flushed to the device, then renamed, so
 * a full or unplugged device never keeps half a book. Names are made safe for FAT file systems.
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
        try {
            if (!Files.isRegularFile(epub) || !Kepub.isEpub(epub)) {
                throw new BadInputException(epub + ": not an EPUB file");
            }
        } catch (IOException e) {
            throw new BadInputException(epub + ": cannot be read (" + IoMessages.reason(e) + ")");
        }
        String stem = safeName(epub.getFileName().toString().replaceFirst("(?i)\\.epub$", ""));
        List<Path> copied = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        switch (device.kind()) {
            case KOBO -> {
                copied.add(copy(epub, device, stem + ".epub"));
                ByteArrayOutputStream kepub = new ByteArrayOutputStream();
                try {
                    Kepub.convert(epub, kepub);
                } catch (IOException e) {
                    throw new ProcessingException(epub + ": cannot make the Kobo edition (" + IoMessages.reason(e) + ")", e);
                }
                copied.add(write(kepub.toByteArray(), device, stem + ".kepub.epub"));
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
                    try {
                        copied.add(copy(azw3, device, stem + ".azw3"));
                    } finally {
                        deleteQuietly(azw3);
                    }
                    notes.add("copied an AZW3 made by Calibre's ebook-convert, which Kindle readers open over USB");
                } else {
                    notes.add("or install Calibre (apt-get install calibre) and run sideload again: rawi then "
                            + "converts the book to AZW3 with ebook-convert and copies that");
                }
            }
            default -> copied.add(copy(epub, device, stem + ".epub"));
        }
        copied.forEach(p -> log.accept("copied " + p));
        return new Result(copied, notes);
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

    private static Path copy(Path source, Device device, String name) throws RawiException {
        try {
            return write(Files.readAllBytes(source), device, name);
        } catch (IOException e) {
            throw new ProcessingException(source + ": cannot be read (" + IoMessages.reason(e) + ")", e);
        }
    }

    private static Path write(byte[] bytes, Device device, String name) throws RawiException {
        Path dir = device.books();
        Path target = dir.resolve(name);
        Path partial = dir.resolve("." + name + ".rawi-partial");
        try {
            Files.createDirectories(dir);
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < bytes.length) {
                throw new ProcessingException(device.root() + ": the " + device.kind().label() + " is full: "
                        + name + " needs " + kib(bytes.length) + ", " + kib(free) + " free; nothing was copied");
            }
            try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = java.nio.channels.Channels.newOutputStream(ch)) {
                out.write(bytes);
                out.flush();
                ch.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            deleteQuietly(partial);
            String reason = IoMessages.reason(e);
            String what = reason.contains("read-only") ? "is read-only (is it locked, or mounted read-only?)"
                    : reason.contains("no space") ? "is full" : "cannot be written (" + reason + ")";
            throw new ProcessingException(device.root() + ": the " + device.kind().label() + " " + what
                    + "; nothing was left half-copied");
        }
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

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temporary file is harmless
        }
    }
}
