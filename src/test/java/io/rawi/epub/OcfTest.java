package io.rawi.epub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OCF container rawi writes itself, read back by the JDK's two zip readers. */
class OcfTest {
    private static final Instant TIME = Instant.parse("2025-03-12T10:15:31Z");
    @TempDir
    Path dir;

    /**
     * A container begun with its audio (written while the overlays are made) and finished with the rest: the same
     * bytes as written in one go, and the audio cannot be left out or written after the package document.
     */
    @Test
    void aContainerBegunWithItsAudioIsTheSameAsOneWrittenWhole() throws Exception {
        List<Resource> resources = new ArrayList<>();
        resources.add(new Resource("c1", "text/chapter-001.xhtml", "application/xhtml+xml", Set.of(), null,
                Resource.Content.of("<html>كتاب</html>".getBytes(StandardCharsets.UTF_8))));
        List<Resource> audio = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            byte[] bytes = new byte[10_000 * i];
            new Random(i).nextBytes(bytes);
            Path mp3 = Files.write(dir.resolve("p000" + i + ".mp3"), bytes);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            audio.add(new Resource("a" + i, "audio/p000" + i + ".mp3", "audio/mpeg", Set.of(), null,
                    Resource.Content.of(mp3, i == 2 ? -1 : crc.getValue())));
        }
        resources.addAll(audio);
        byte[] opf = "<package/>".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        Ocf.write(Channels.newChannel(whole), TIME, opf, resources);
        ByteArrayOutputStream twoParts = new ByteArrayOutputStream();
        Ocf.Container started = Ocf.Container.start(Channels.newChannel(twoParts), TIME);
        for (Resource r : audio) {
            started.resource(r);
        }
        started.finish(opf, resources);
        assertArrayEquals(whole.toByteArray(), twoParts.toByteArray());

        Ocf.Container missing = Ocf.Container.start(Channels.newChannel(new ByteArrayOutputStream()), TIME);
        missing.resource(audio.get(0));
        assertThrows(IllegalStateException.class, () -> missing.finish(opf, resources), "an audio file left out");
        assertThrows(IllegalArgumentException.class, () -> missing.resource(resources.get(0)), "text goes later");
    }

    @Test
    void entriesReadBackAsWrittenMediaStoredTextDeflatedMimetypeFirst() throws Exception {
        byte[] audio = new byte[300_001];
        new Random(6).nextBytes(audio);
        Path mp3 = Files.write(dir.resolve("p0001.mp3"), audio);
        byte[] xhtml = "<html>مرحبا</html>".repeat(500).getBytes(StandardCharsets.UTF_8);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        List<Resource> resources = List.of(
                new Resource("c1", "text/chapter-001.xhtml", "application/xhtml+xml", Set.of(), null,
                        Resource.Content.of(xhtml)),
                new Resource("img", "images/cover.png", "image/png", Set.of(), null, Resource.Content.of(png)),
                new Resource("a1", "audio/p0001.mp3", "audio/mpeg", Set.of(), null, Resource.Content.of(mp3, -1)));
        byte[] opf = "<package/>".getBytes(StandardCharsets.UTF_8);
        Path epub = dir.resolve("book.epub");
        try (FileChannel out = FileChannel.open(epub, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            Ocf.write(out, TIME, opf, resources);
        }
        // through a stream, the file is copied by Java instead of by the kernel: the same container
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        Ocf.write(Channels.newChannel(streamed), TIME, opf, resources);
        assertArrayEquals(Files.readAllBytes(epub), streamed.toByteArray(), "file and stream give the same bytes");

        try (ZipFile zip = new ZipFile(epub.toFile())) {
            List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
            assertEquals(List.of("mimetype", "META-INF/container.xml", "OEBPS/audio/p0001.mp3", "OEBPS/package.opf",
                    "OEBPS/text/chapter-001.xhtml", "OEBPS/images/cover.png"), names, "the audio before the package");
            ZipEntry mimetype = zip.getEntry("mimetype");
            assertEquals(ZipEntry.STORED, mimetype.getMethod());
            assertNull(mimetype.getExtra(), "no extra field");
            assertEquals("application/epub+zip", new String(read(zip, "mimetype"), StandardCharsets.US_ASCII));
            assertEquals(ZipEntry.DEFLATED, zip.getEntry("OEBPS/text/chapter-001.xhtml").getMethod());
            assertTrue(zip.getEntry("OEBPS/text/chapter-001.xhtml").getCompressedSize() < xhtml.length / 10);
            assertEquals(ZipEntry.STORED, zip.getEntry("OEBPS/images/cover.png").getMethod());
            assertEquals(ZipEntry.STORED, zip.getEntry("OEBPS/audio/p0001.mp3").getMethod());
            assertArrayEquals(xhtml, read(zip, "OEBPS/text/chapter-001.xhtml"));
            assertArrayEquals(png, read(zip, "OEBPS/images/cover.png"));
            assertArrayEquals(audio, read(zip, "OEBPS/audio/p0001.mp3"));
            assertArrayEquals(opf, read(zip, "OEBPS/package.opf"));
            CRC32 crc = new CRC32();
            crc.update(audio);
            assertEquals(crc.getValue(), zip.getEntry("OEBPS/audio/p0001.mp3").getCrc());
            // zip times are two-second DOS times in UTC
            assertEquals(LocalDateTime.of(2025, 3, 12, 10, 15, 30), zip.getEntry("OEBPS/package.opf").getTimeLocal());
        }
        // read front to back, as a streaming reader does: every local header has its sizes
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(epub))) {
            int n = 0;
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("OEBPS/audio/p0001.mp3")) {
                    assertArrayEquals(audio, bytes);
                }
                n++;
            }
            assertEquals(6, n);
        }
    }

    /** Without Zip64 a container holds 65,535 entries: one more is refused, not written as a broken zip. */
    @Test
    void moreEntriesThanAZipWithoutZip64HoldsAreRefused() throws IOException {
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < 65_536 - 3; i++) {
            resources.add(new Resource("i" + i, "images/" + i + ".png", "image/png", Set.of(), null,
                    Resource.Content.of(new byte[] {1})));
        }
        IOException e = assertThrows(IOException.class, () ->
                Ocf.write(Channels.newChannel(new ByteArrayOutputStream()), TIME, new byte[0], resources));
        assertTrue(e.getMessage().contains("too large for an EPUB container"), e.getMessage());
        resources.remove(0);
        assertTrue(written(resources) > 0, "65,535 entries are written");
    }

    private static long written(List<Resource> resources) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Ocf.write(Channels.newChannel(out), TIME, new byte[0], resources);
        return out.size();
    }

    private static byte[] read(ZipFile zip, String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return in.readAllBytes();
        }
    }
}
