package io.rawi.epub;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The OCF container: {@code mimetype} first, stored, with no extra field; {@code META-INF/container.xml}; the package
 * under {@code OEBPS/}. Every entry carries the book's modification time, so equal books zip to equal bytes.
 */
public final class Ocf {
    static final String ROOT = "OEBPS/";
    private static final byte[] MIMETYPE = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);

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

    static void write(OutputStream out, Instant time, byte[] opf, List<Resource> resources) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new java.io.BufferedOutputStream(out, 1 << 16));
        zip.setLevel(9);
        ZipEntry mimetype = stored("mimetype", MIMETYPE);
        mimetype.setTimeLocal(local(time));
        zip.putNextEntry(mimetype);
        zip.write(MIMETYPE);
        zip.closeEntry();
        put(zip, "META-INF/container.xml", container(), time);
        put(zip, ROOT + "package.opf", opf, time);
        for (Resource r : resources) {
            ZipEntry e = new ZipEntry(ROOT + r.href());
            e.setTimeLocal(local(time));
            if (r.compressed()) {
                zip.setLevel(0);
            }
            zip.putNextEntry(e);
            r.content().writeTo(zip);
            zip.closeEntry();
            zip.setLevel(9);
        }
        zip.finish();
        zip.flush();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, Instant time) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(local(time));
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Zip times are local times without a zone; UTC keeps them the same on every machine. */
    private static LocalDateTime local(Instant time) {
        return LocalDateTime.ofInstant(time, ZoneOffset.UTC);
    }

    static byte[] container() {
        Xml x = Xml.document(null);
        x.start("container", "version", "1.0").namespace(null, "urn:oasis:names:tc:opendocument:xmlns:container");
        x.start("rootfiles");
        x.empty("rootfile", "full-path", ROOT + "package.opf", "media-type", "application/oebps-package+xml");
        x.end().end();
        return x.finish();
    }
}
