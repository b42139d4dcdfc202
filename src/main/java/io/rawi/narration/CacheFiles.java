package io.rawi.narration;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cache's file work: reading a file whole into the thread's buffer, its checksums (CRC-32C for the cache's own
 * check, CRC-32 for the zip), copying a checked file out of an entry or linking the previous book's copy, and
 * copying a file into an entry being made. Thread-safe: each thread has its own buffers.
 */
final class CacheFiles {
    private CacheFiles() {
    }

    /**
     * Each narration thread's buffer for the file being checked: taking a whole book from the cache allocates
     * nothing per file (reading each into a new array cost a rebuild two pauses of the collector).
     */
    static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[1 << 19]);
    /** Each narration thread's buffer for index files, which are a few kilobytes. */
    static final ThreadLocal<byte[]> INDEX = ThreadLocal.withInitial(() -> new byte[1 << 13]);
    /** Reads {@code file} into this thread's {@link #BUFFER}, grown if need be; returns its length. */
    static int readAll(Path file) throws IOException {
        return readAll(file, BUFFER);
    }

    /** Reads {@code file} into this thread's buffer of {@code buffers}, grown if need be; returns its length. */
    static int readAll(Path file, ThreadLocal<byte[]> buffers) throws IOException {
        byte[] buffer = buffers.get();
        try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(file)) {
            long size = in.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException("too large: " + file);
            }
            if (buffer.length < size) {
                buffer = new byte[(int) size];
                buffers.set(buffer);
            }
            java.nio.ByteBuffer into = java.nio.ByteBuffer.wrap(buffer, 0, (int) size);
            while (into.hasRemaining() && in.read(into) >= 0) {
                // read it all
            }
            return into.position();
        }
    }

    /** An index file read into this thread's {@link #INDEX} buffer, as ASCII text. */
    static String readIndex(Path index) throws IOException {
        int length = readAll(index, INDEX);
        return new String(INDEX.get(), 0, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * The checksum of an entry's file: CRC-32C, which the JVM computes with the processor's own instruction. It
     * guards against damage (a truncated or altered file), not against tampering; the key itself is a SHA-256.
     */
    static String crc(byte[] bytes, int length) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, 0, length);
        return "crc32c:" + Long.toHexString(crc.getValue()) + ":" + length;
    }

    /** The CRC-32 (a zip entry's checksum) of a file, read into this thread's buffer; -1 if it cannot be read. */
    static long crc32(Path file) {
        try {
            int length = readAll(file);
            return crc32(BUFFER.get(), length);
        } catch (IOException e) {
            return -1; // the zip then reads it, and says what is wrong
        }
    }

    /** The CRC-32 (a zip entry's checksum) of {@code length} bytes. */
    static long crc32(byte[] bytes, int length) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    /**
     * Links {@code to} to {@code previous} if that file matches {@code checksum}, and returns its CRC-32; -1 if it
     * does not exist, does not match, or cannot be linked (another file system, or none that links), and nothing was
     * made.
     */
    static long linkedFromPrevious(Path previous, String checksum, Path to) {
        try {
            if (previous == null || !Files.isRegularFile(previous, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    || Files.size(previous) != Long.parseLong(checksum.substring(checksum.lastIndexOf(':') + 1))) {
                return -1;
            }
            int length = readAll(previous);
            if (!checksum.equals(crc(BUFFER.get(), length))) {
                return -1;
            }
            Files.createLink(to, previous);
            return crc32(BUFFER.get(), length);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Checks {@code file} against its checksum line and writes it to {@code to} (see {@link AudioCache#take}); returns its
     * CRC-32.
     */
    static long copyChecked(Path file, String checksum, Path to) throws IOException {
        int length = readAll(file);
        byte[] buffer = BUFFER.get();
        if (!crc(buffer, length).equals(checksum)) {
            throw new IOException(file.getFileName() + " does not match its checksum");
        }
        try (OutputStream out = Files.newOutputStream(to)) {
            out.write(buffer, 0, length);
        }
        return crc32(buffer, length);
    }

    /**
     * Copies {@code source} into the entry being made, through this thread's buffer, adds its line to {@code index}
     * and its length to {@code bytes[0]}; returns its CRC-32.
     */
    static long file(Path dir, String role, Path source, StringBuilder index, long[] bytes)
            throws IOException {
        String name = role + source.getFileName().toString().replaceAll("^[^.]*", "");
        int length = readAll(source);
        byte[] buffer = BUFFER.get();
        try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
            out.write(buffer, 0, length);
        }
        index.append("file ").append(role).append(' ').append(name).append(' ').append(crc(buffer, length))
                .append('\n');
        bytes[0] += length;
        return crc32(buffer, length);
    }
}
