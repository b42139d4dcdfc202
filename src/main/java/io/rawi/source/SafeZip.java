package io.rawi.source;

import io.rawi.error.BadInputException;
import io.rawi.error.ProcessingException;
import io.rawi.error.RawiException;
import io.rawi.internal.IoMessages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a zip archive (an EPUB) defensively, into memory or entry by entry. Refused, with a message naming the archive and the entry:
 * entry names that climb out ({@code ..}), are absolute, or carry a drive letter or a backslash (zip-slip); more than
 * {@value #MAX_ENTRIES} entries; more than {@value #MAX_TOTAL_MIB} MiB uncompressed in all; an entry that expands more
 * than {@value #MAX_RATIO} times (a zip bomb). Sizes are counted while inflating, never taken from the headers, so a
 * bomb stops after a few MiB. Nothing is ever written to disk. {@link Limits#STREAMED} allows more in all to a
 * reader that holds one entry at a time.
 */
public final class SafeZip {
    public static final long MAX_ARCHIVE_BYTES = 128L << 20;
    static final int MAX_ENTRIES = 5000;
    static final int MAX_TOTAL_MIB = 96;
    static final int MAX_RATIO = 100;
    static final int STREAMED_TOTAL_GIB = 16;
    private static final long SMALL = 1L << 20;

    private SafeZip() {
    }

    /** The archive's entries, by name, in the archive's order. */
    public static Map<String, byte[]> read(String location, byte[] archive) throws RawiException {
        Path temp = null;
        try {
            temp = Files.createTempFile("rawi-input-", ".zip");
            Files.write(temp, archive);
            return read(location, temp);
        } catch (IOException e) {
            throw new ProcessingException(location + ": cannot stage the archive (" + IoMessages.reason(e) + ")", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temporary file; the system cleans it
                }
            }
        }
    }

    /**
     * How much an archive may hold: entries, bytes uncompressed in all, and how many times its compressed size one
     * entry may expand to.
     */
    public record Limits(int entries, long totalBytes, int ratio) {
        /** For an archive read into memory, as {@code convert} reads an EPUB. */
        public static final Limits DEFAULT = new Limits(MAX_ENTRIES, (long) MAX_TOTAL_MIB << 20, MAX_RATIO);
        /**
         * For an archive streamed entry by entry, as {@code sideload} copies a book: the same entries and ratio, and
         * up to {@value #STREAMED_TOTAL_GIB} GiB in all, since only one buffer is held at a time.
         */
        public static final Limits STREAMED = new Limits(MAX_ENTRIES, (long) STREAMED_TOTAL_GIB << 30, MAX_RATIO);
    }

    /** What is done with each file entry of an archive, read from {@code in} (which enforces the limits). */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(ZipEntry entry, InputStream in) throws IOException, RawiException;
    }

    /** The entries of the archive {@code file}. */
    public static Map<String, byte[]> read(String location, Path file) throws RawiException {
        return read(location, file, Limits.DEFAULT);
    }

    static Map<String, byte[]> read(String location, Path file, Limits limits) throws RawiException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        forEach(location, file, limits, (e, in) -> {
            if (entries.containsKey(e.getName())) {
                throw new BadInputException(location + ": entry " + e.getName() + " appears twice; refused");
            }
            entries.put(e.getName(), in.readAllBytes());
        });
        return entries;
    }

    /**
     * Visits every file entry of the archive {@code file} in the archive's order, refusing (with a message naming
     * the archive and the entry) bad names and whatever goes beyond {@code limits}, counted as the entry is read.
     */
    public static void forEach(String location, Path file, Limits limits, EntryVisitor visitor) throws RawiException {
        long[] total = {0};
        int files = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.entries()) {
                throw new BadInputException(location + ": " + zip.size() + " entries, more than the limit of "
                        + limits.entries() + "; refused");
            }
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                checkName(location, e.getName());
                if (e.isDirectory()) {
                    continue;
                }
                files++;
                try (InputStream in = new Limited(zip.getInputStream(e), location, e, limits, total)) {
                    visitor.visit(e, in);
                } catch (Limited.Exceeded x) {
                    throw new BadInputException(x.getMessage());
                }
            }
        } catch (ZipException e) {
            throw new BadInputException(location + ": not a readable zip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new ProcessingException(location + ": cannot be read (" + IoMessages.reason(e) + ")", e);
        }
        if (files == 0) {
            throw new BadInputException(location + ": an empty archive");
        }
    }

    /** An entry's bytes, as inflated, counted against the limits (sizes in headers are never trusted). */
    private static final class Limited extends java.io.FilterInputStream {
        /** A limit was passed: the message says which, naming the archive and the entry. */
        static final class Exceeded extends IOException {
            Exceeded(String message) {
                super(message);
            }
        }

        private final String location;
        private final ZipEntry entry;
        private final Limits limits;
        private final long[] total;
        private final long allowed;
        private long read;

        Limited(InputStream in, String location, ZipEntry entry, Limits limits, long[] total) {
            super(in);
            this.location = location;
            this.entry = entry;
            this.limits = limits;
            this.total = total;
            long compressed = Math.max(entry.getCompressedSize(), 1);
            this.allowed = Math.max(Math.min(SMALL, limits.totalBytes()), compressed * limits.ratio());
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                read += n;
                total[0] += n;
                if (read > allowed) {
                    throw new Exceeded(location + ": entry " + entry.getName() + " expands more than "
                            + limits.ratio() + " times its compressed size (a zip bomb?); refused");
                }
                if (total[0] > limits.totalBytes()) {
                    throw new Exceeded(location + ": more than " + mib(limits.totalBytes())
                            + " uncompressed; refused");
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
        }

        private static String mib(long bytes) {
            return bytes >= 1L << 30 ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
        }
    }

    static void checkName(String location, String name) throws BadInputException {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean climbs = name.equals("..") || name.startsWith("../") || name.contains("/../") || name.endsWith("/..");
        boolean absolute = name.startsWith("/") || lower.matches("^[a-z]:.*");
        if (climbs || absolute || name.contains("\\") || name.indexOf('\0') >= 0 || name.isEmpty()) {
            throw new BadInputException(location + ": entry '" + name.replace("\0", "\\0") + "' "
                    + (climbs ? "climbs out of the archive (..)" : absolute ? "has an absolute path"
                    : "has a backslash or NUL in its name") + "; refused (zip-slip)");
        }
    }
}
