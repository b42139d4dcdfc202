package io.rawi.source;

import io.rawi.error.BadInputException;
import io.rawi.error.ProcessingException;
import io.rawi.error.RawiException;
import io.rawi.internal.IoMessages;

import java.io.ByteArrayOutputStream;
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
 * Reads a zip archive (an EPUB) into memory defensively. Refused, with a message naming the archive and the entry:
 * entry names that climb out ({@code ..}), are absolute, or carry a drive letter or a backslash (zip-slip); more than
 * {@value #MAX_ENTRIES} entries; more than {@value #MAX_TOTAL_MIB} MiB uncompressed in all; an entry that expands more
 * than {@value #MAX_RATIO} times (a zip bomb). Sizes are counted while inflating, never taken from the headers, so a
 * bomb stops after a few MiB. Nothing is ever written to disk.
 */
public final class SafeZip {
    public static final long MAX_ARCHIVE_BYTES = 128L << 20;
    static final int MAX_ENTRIES = 5000;
    static final int MAX_TOTAL_MIB = 96;
    static final int MAX_RATIO = 100;
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

    /** How much an archive may hold. */
    record Limits(int entries, long totalBytes, int ratio) {
        static final Limits DEFAULT = new Limits(MAX_ENTRIES, (long) MAX_TOTAL_MIB << 20, MAX_RATIO);
    }

    /** The entries of the archive {@code file}. */
    public static Map<String, byte[]> read(String location, Path file) throws RawiException {
        return read(location, file, Limits.DEFAULT);
    }

    static Map<String, byte[]> read(String location, Path file, Limits limits) throws RawiException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.entries()) {
                throw new BadInputException(location + ": " + zip.size() + " entries, more than the limit of "
                        + limits.entries() + "; refused");
            }
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                String name = e.getName();
                checkName(location, name);
                if (e.isDirectory()) {
                    continue;
                }
                if (entries.containsKey(name)) {
                    throw new BadInputException(location + ": entry " + name + " appears twice; refused");
                }
                long compressed = Math.max(e.getCompressedSize(), 1);
                long allowed = Math.max(Math.min(SMALL, limits.totalBytes()), compressed * limits.ratio());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (InputStream in = zip.getInputStream(e)) {
                    byte[] buffer = new byte[64 * 1024];
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        out.write(buffer, 0, n);
                        total += n;
                        if (out.size() > allowed) {
                            throw new BadInputException(location + ": entry " + name + " expands more than "
                                    + limits.ratio() + " times its compressed size (a zip bomb?); refused");
                        }
                        if (total > limits.totalBytes()) {
                            throw new BadInputException(location + ": more than " + (limits.totalBytes() >> 20)
                                    + " MiB uncompressed; refused");
                        }
                    }
                }
                entries.put(name, out.toByteArray());
            }
        } catch (ZipException e) {
            throw new BadInputException(location + ": not a readable zip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new ProcessingException(location + ": cannot be read (" + IoMessages.reason(e) + ")", e);
        }
        if (entries.isEmpty()) {
            throw new BadInputException(location + ": an empty archive");
        }
        return entries;
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
