package io.rawi.epub;

import io.rawi.book.Imported;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;

/**
 * The OCF container: {@code mimetype} first, stored, with no extra field; {@code META-INF/container.xml}; the package
 * under {@code OEBPS/} (in a book rawi makes, its audio files, then the package document and the other files). Every
 * entry carries the book's modification time, so equal books zip to equal bytes.
 *
 * <p>Media (audio, raster images) are stored, everything else deflated at the highest level. The zip is written here
 * rather than with {@link java.util.zip.ZipOutputStream} so that a file on disk, such as a paragraph's audio (most of
 * a narrated book's bytes), goes into the container by the kernel's copy when the container is a file too: only its
 * checksum is read through Java. Every size and offset is known before its entry is written, so entries need no data
 * descriptor. Without Zip64, a container holds at most 65,535 entries and 4 GiB; a larger book is refused with an
 * {@link IOException} that says so.
 */
public final class Ocf {
    static final String ROOT = "OEBPS/";
    private static final byte[] MIMETYPE = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
    private static final long MAX_32 = 0xFFFFFFFFL;
    private static final String TOO_LARGE =
            "the book is too large for an EPUB container (at most 65,535 files and 4 GiB)";

    private Ocf() {
    }

    /**
     * A zip entry for {@code bytes} stored without compression, as OCF requires of {@code mimetype} (a stored entry
     * needs its size and CRC before it is written).
     */
    public static ZipEntry stored(String name, byte[] bytes) {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        return e;
    }

    /**
     * Writes a book rawi made: {@code mimetype}, {@code META-INF/container.xml}, the audio files, the package document,
     * then every other file, each part in manifest order. The audio comes first so that it can be written while the
     * rest is still being made ({@link Container}); both ways give the same bytes.
     */
    static void write(WritableByteChannel out, Instant time, byte[] opf, List<Resource> resources) throws IOException {
        Container zip = Container.start(out, time);
        for (Resource r : resources) {
            if (isAudio(r)) {
                zip.resource(r);
            }
        }
        zip.finish(opf, resources);
    }

    /** Whether a resource is one of the files written before the package document. */
    static boolean isAudio(Resource r) {
        return r.mediaType().startsWith("audio/");
    }

    /**
     * A book rawi makes, written in two parts: {@link #start} and {@link #resource} for its audio files as soon as
     * they are final (while the overlays are made), then {@link #finish} with the package document and the rest.
     * Written in the manifest's order of the audio files, the bytes are those of {@link #write}. One thread at a time.
     */
    public static final class Container {
        private final Writer zip;
        private final java.util.Set<String> written = new java.util.HashSet<>();

        private Container(Writer zip) {
            this.zip = zip;
        }

        /** Writes {@code mimetype} and {@code META-INF/container.xml}; entries carry {@code time}. */
        public static Container start(WritableByteChannel out, Instant time) throws IOException {
            Container c = new Container(new Writer(out, LocalDateTime.ofInstant(time, ZoneOffset.UTC)));
            c.zip.bytes("mimetype", MIMETYPE, false);
            c.zip.bytes("META-INF/container.xml", container(), true);
            return c;
        }

        /** Writes an audio file of the manifest now; {@link #finish} then leaves it out. */
        public void resource(Resource r) throws IOException {
            if (!isAudio(r)) {
                throw new IllegalArgumentException(r.href() + " is not audio: it is written after the package document");
            }
            if (written.add(r.href())) {
                Ocf.resource(zip, ROOT + r.href(), r);
            }
        }

        /** Writes the package document, then every resource not written yet, then the central directory. */
        void finish(byte[] opf, List<Resource> resources) throws IOException {
            for (Resource r : resources) {
                if (isAudio(r) && !written.contains(r.href())) {
                    throw new IllegalStateException(r.href() + ": audio not written before the package document");
                }
            }
            zip.bytes(ROOT + "package.opf", opf, true);
            for (Resource r : resources) {
                if (!isAudio(r)) {
                    Ocf.resource(zip, ROOT + r.href(), r);
                }
            }
            zip.finish();
        }
    }

    /**
     * Writes an EPUB 3 book that came in, patched: every entry of the original in its order, with the package document
     * and the files in {@code resources} (relative to the package document's folder) replaced or added. Media stay
     * stored, text is deflated.
     */
    static void writePatched(WritableByteChannel out, Instant time, Imported.Original original, byte[] opf,
                             List<Resource> resources) throws IOException {
        Writer zip = new Writer(out, LocalDateTime.ofInstant(time, ZoneOffset.UTC));
        zip.bytes("mimetype", MIMETYPE, false);
        java.util.Map<String, Resource> ours = new java.util.LinkedHashMap<>();
        for (Resource r : resources) {
            ours.put(original.folder() + r.href(), r);
        }
        for (java.util.Map.Entry<String, byte[]> e : original.entries().entrySet()) {
            String name = e.getKey();
            if (name.equals("mimetype") || name.endsWith("/")) {
                continue;
            }
            if (name.equals(original.opfPath())) {
                zip.bytes(name, opf, true);
            } else if (ours.containsKey(name)) {
                resource(zip, name, ours.remove(name));
            } else {
                zip.bytes(name, e.getValue(), !Resource.isMedia(name));
            }
        }
        for (java.util.Map.Entry<String, Resource> e : ours.entrySet()) {
            resource(zip, e.getKey(), e.getValue());
        }
        zip.finish();
    }

    private static void resource(Writer zip, String name, Resource r) throws IOException {
        if (r.content() instanceof Resource.FileContent f && r.compressed()) {
            zip.file(name, f.file(), f.crc());
        } else {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            r.content().writeTo(bytes);
            zip.bytes(name, bytes.toByteArray(), !r.compressed());
        }
    }

    static byte[] container() {
        Xml x = Xml.document(null);
        x.start("container", "version", "1.0").namespace(null, "urn:oasis:names:tc:opendocument:xmlns:container");
        x.start("rootfiles");
        x.empty("rootfile", "full-path", ROOT + "package.opf", "media-type", "application/oebps-package+xml");
        x.end().end();
        return x.finish();
    }

    /** Writes entries one after another, then the central directory (PKWARE APPNOTE 6.3, without Zip64). */
    private static final class Writer {
        private static final int STORED = 0;
        private static final int DEFLATED = 8;
        private final WritableByteChannel out;
        private final int dosTime;
        private final int dosDate;
        /** Headers and small entries not yet written: they go out in one write before each file is copied. */
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final ByteArrayOutputStream central = new ByteArrayOutputStream();
        private final ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 16);
        private long offset;
        private int entries;

        Writer(WritableByteChannel out, LocalDateTime time) {
            this.out = out;
            LocalDateTime t = time.getYear() < 1980 ? LocalDateTime.of(1980, 1, 1, 0, 0) : time;
            dosDate = (t.getYear() - 1980) << 9 | t.getMonthValue() << 5 | t.getDayOfMonth();
            dosTime = t.getHour() << 11 | t.getMinute() << 5 | t.getSecond() >> 1;
        }

        void bytes(String name, byte[] data, boolean deflate) throws IOException {
            CRC32 crc = new CRC32();
            crc.update(data);
            byte[] body = deflate ? deflate(data) : data;
            header(name, deflate ? DEFLATED : STORED, crc.getValue(), body.length, data.length);
            pending.write(body);
            offset += body.length;
        }

        /**
         * A file, stored: its checksum ({@code known}, or read from it when -1), then its bytes copied into the
         * container.
         */
        void file(String name, Path file, long known) throws IOException {
            try (FileChannel in = FileChannel.open(file)) {
                long size = in.size();
                long crc = known;
                if (crc < 0) {
                    CRC32 c = new CRC32();
                    for (long at = 0; at < size; ) {
                        chunk.clear();
                        int n = in.read(chunk, at);
                        if (n < 0) {
                            throw new IOException(file + ": shorter than its size while being zipped");
                        }
                        c.update(chunk.flip());
                        at += n;
                    }
                    crc = c.getValue();
                }
                header(name, STORED, crc, size, size);
                flush();
                for (long at = 0; at < size; ) {
                    long n = in.transferTo(at, size - at, out);
                    if (n <= 0) {
                        throw new IOException(file + ": shorter than its size while being zipped");
                    }
                    at += n;
                }
                offset += size;
            }
        }

        private void header(String name, int method, long crc, long compressed, long size) throws IOException {
            if (++entries > 0xFFFF || offset > MAX_32 || compressed > MAX_32 || size > MAX_32) {
                throw new IOException(TOO_LARGE);
            }
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            boolean ascii = n.length == name.length();
            int version = method == DEFLATED ? 20 : 10;
            ByteBuffer local = little(30 + n.length);
            local.putInt(0x04034b50).putShort((short) version).putShort((short) (ascii ? 0 : 0x800))
                    .putShort((short) method).putShort((short) dosTime).putShort((short) dosDate).putInt((int) crc)
                    .putInt((int) compressed).putInt((int) size).putShort((short) n.length).putShort((short) 0).put(n);
            ByteBuffer entry = little(46 + n.length);
            entry.putInt(0x02014b50).putShort((short) version).putShort((short) version)
                    .putShort((short) (ascii ? 0 : 0x800)).putShort((short) method).putShort((short) dosTime)
                    .putShort((short) dosDate).putInt((int) crc).putInt((int) compressed).putInt((int) size)
                    .putShort((short) n.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt((int) offset).put(n);
            pending.write(local.array());
            central.write(entry.array());
            offset += local.capacity();
        }

        void finish() throws IOException {
            if (offset > MAX_32) {
                throw new IOException(TOO_LARGE);
            }
            ByteBuffer end = little(22);
            end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries)
                    .putShort((short) entries).putInt(central.size()).putInt((int) offset).putShort((short) 0);
            central.writeTo(pending);
            pending.write(end.array());
            flush();
        }

        private void flush() throws IOException {
            ByteBuffer b = ByteBuffer.wrap(pending.toByteArray());
            while (b.hasRemaining()) {
                out.write(b);
            }
            pending.reset();
        }

        private static ByteBuffer little(int size) {
            return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        }

        private static byte[] deflate(byte[] data) {
            Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
            try {
                d.setInput(data);
                d.finish();
                ByteArrayOutputStream b = new ByteArrayOutputStream(data.length / 4 + 64);
                byte[] buffer = new byte[1 << 14];
                while (!d.finished()) {
                    b.write(buffer, 0, d.deflate(buffer));
                }
                return b.toByteArray();
            } finally {
                d.end();
            }
        }
    }
}
