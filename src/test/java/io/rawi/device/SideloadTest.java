package io.rawi.device;

import io.rawi.TestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.rawi.TestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sideloading onto fake reader mounts: folders shaped like a Kobo, a Kindle, a PocketBook; and small tmpfs devices. */
class SideloadTest {
    @TempDir
    static Path work;
    static Path book;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeABook() {
        cli("convert", TestSupport.sample().toString(), "-o", work.toString(), "--voices",
                TestSupport.fakeVoices().toString()).expect(0);
        book = work.resolve("library-ar/library-ar.epub");
    }

    private static List<String> files(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void koboGetsTheBookAndAKepub() throws Exception {
        Path kobo = Files.createDirectories(dir.resolve("KOBOeReader/.kobo"));
        TestSupport.Run r = cli("sideload", book.toString(), "--to", kobo.getParent().toString()).expect(0);
        assertTrue(r.out().startsWith("Kobo at "), r.out());
        assertTrue(r.out().contains("do not play media overlays"), r.out());
        assertEquals(List.of("library-ar.epub", "library-ar.kepub.epub"),
                files(kobo.getParent()).stream().filter(f -> !f.startsWith(".kobo")).toList());
        Path kepub = kobo.getParent().resolve("library-ar.kepub.epub");
        TestSupport.assertValid(kepub);
        String chapter = TestSupport.text(TestSupport.unzip(kepub), "OEBPS/text/chapter-001.xhtml");
        assertTrue(chapter.contains("<span id=\"p0001s01\"><span class=\"koboSpan\" id=\"kobo.2.1\">"), chapter);
        assertTrue(chapter.contains("<div id=\"book-columns\"><div id=\"book-inner\">"), chapter);
    }

    @Test
    void kindleGetsInstructionsNotAnEpub() throws Exception {
        Path kindle = dir.resolve("Kindle");
        Files.createDirectories(kindle.resolve("documents"));
        Files.createDirectories(kindle.resolve("system"));
        TestSupport.Run r = cli("sideload", book.toString(), "--to", kindle.toString());
        assertTrue(r.out().contains("Kindle readers do not open EPUB copied over USB"), r.out());
        assertTrue(r.out().contains("Send to Kindle"), r.out());
        if (io.rawi.internal.Programs.find("ebook-convert").isPresent()) {
            r.expect(0);
            assertTrue(Files.exists(kindle.resolve("documents/library-ar.azw3")));
        } else {
            r.expect(1);
            assertTrue(r.out().contains("apt-get install calibre"), r.out());
            assertEquals(List.of(), files(kindle));
        }
    }

    /** With Calibre's ebook-convert on PATH (here a stand-in script that writes a file), the Kindle gets an AZW3. */
    @Test
    void kindleGetsAnAzw3WhenEbookConvertIsInstalled() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fake = Files.writeString(bin.resolve("ebook-convert"), "#!/bin/sh\nprintf 'AZW3 of %s' \"$1\" > \"$2\"\n");
        fake.toFile().setExecutable(true);
        Path kindle = dir.resolve("Kindle");
        Files.createDirectories(kindle.resolve("documents"));
        Files.createDirectories(kindle.resolve("system"));
        ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), "io.rawi.Main", "sideload", book.toString(), "--to",
                kindle.toString()).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("copied an AZW3 made by Calibre's ebook-convert"), out);
        assertEquals("AZW3 of " + book, Files.readString(kindle.resolve("documents/library-ar.azw3")));
        assertEquals(List.of("documents/library-ar.azw3"), files(kindle));
    }

    @Test
    void pocketBookAndPlainFoldersGetTheEpub() throws Exception {
        Path pb = Files.createDirectories(dir.resolve("PB/system/config")).getParent().getParent();
        cli("sideload", book.toString(), "--to", pb.toString()).expect(0);
        assertTrue(Files.isRegularFile(pb.resolve("Books/library-ar.epub")));
        Path plain = Files.createDirectories(dir.resolve("any folder"));
        assertTrue(cli("sideload", book.toString(), "--to", plain.toString()).expect(0).out().startsWith("folder at"));
        assertEquals(List.of("library-ar.epub"), files(plain));
    }

    /** A Victor Reader Stream card gets the DAISY 2.02 book beside the EPUB, a folder of its own in $VRDTB. */
    @Test
    void aVictorReaderStreamGetsTheTalkingBook() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        cli("convert", TestSupport.sample().toString(), "-o", out.toString(), "--voices",
                TestSupport.fakeVoices().toString(), "--daisy", "202", "-q").expect(0);
        Path epub = out.resolve("library-ar/library-ar.epub");
        Path daisy = out.resolve("library-ar/daisy202");
        Path card = Files.createDirectories(dir.resolve("STREAM/$VROtherBooks")).getParent();
        assertEquals(Device.Kind.VICTOR, Devices.detect(List.of(dir)).get(0).kind());
        TestSupport.Run r = cli("sideload", epub.toString(), "--to", card.toString()).expect(0);
        assertTrue(r.out().startsWith("Victor Reader Stream at "), r.out());
        assertEquals(files(daisy).stream().map(f -> "$VRDTB/library-ar/" + f).toList(),
                files(card).stream().filter(f -> f.startsWith("$VRDTB")).toList());
        for (String f : files(daisy)) {
            assertEquals(-1, Files.mismatch(daisy.resolve(f), card.resolve("$VRDTB/library-ar").resolve(f)), f);
        }
        assertEquals(List.of(), io.rawi.check.Daisy202Validator.problems(card.resolve("$VRDTB/library-ar")));
        // again, from the DAISY folder itself: the book is replaced whole, nothing left beside it
        cli("sideload", daisy.toString(), "--to", card.toString()).expect(0);
        try (Stream<Path> shelf = Files.list(card.resolve("$VRDTB"))) {
            assertEquals(List.of("library-ar"), shelf.map(p -> p.getFileName().toString()).toList());
        }
        // an EPUB with no talking book beside it, and a talking book for an e-reader, are refused in one line
        assertTrue(cli("sideload", book.toString(), "--to", card.toString()).expect(2).err().contains("--daisy 202"));
        Path kobo = Files.createDirectories(dir.resolve("KOBO/.kobo")).getParent();
        assertTrue(cli("sideload", daisy.toString(), "--to", kobo.toString()).expect(2).err()
                .contains("DAISY player"));
    }

    @Test
    void readersAreFoundBelowMountPoints() throws Exception {
        Files.createDirectories(dir.resolve("media/KOBOeReader/.kobo"));
        Files.createDirectories(dir.resolve("media/Kindle/documents"));
        Files.createDirectories(dir.resolve("media/Kindle/system"));
        Files.createDirectories(dir.resolve("media/USB-STICK"));
        List<Device> found = Devices.detect(List.of(dir.resolve("media"), dir.resolve("nowhere")));
        assertEquals(List.of(Device.Kind.KOBO, Device.Kind.KINDLE), found.stream().map(Device::kind).toList());
        assertEquals(dir.resolve("media/Kindle/documents"), found.get(1).books());
    }

    @Test
    void badInputAndNames() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.epub"), "not a zip");
        assertTrue(cli("sideload", text.toString(), "--to", dir.toString()).expect(2).err().contains("not an EPUB"));
        assertTrue(cli("sideload", book.toString(), "--to", dir.resolve("absent").toString()).expect(2)
                .err().contains("no such folder"));
        assertEquals("maktaba-jadida", Sideloader.safeName("Maktaba: Jadída?"));
        assertTrue(Sideloader.safeName("مكتبة").startsWith("book-"));
    }

    /** A full device and a read-only one, as small tmpfs mounts (the tests run as root, like CI). */
    @Test
    void aFullOrReadOnlyDeviceGetsAClearErrorAndNoPartialFile() throws Exception {
        Path full = Files.createDirectories(dir.resolve("full"));
        Path ro = Files.createDirectories(dir.resolve("ro"));
        mount("tmpfs", "-o", "size=16k", full.toString());
        mount("tmpfs", "-o", "size=1m", ro.toString());
        try {
            Files.createDirectories(ro.resolve(".kobo"));
            run("mount", "-o", "remount,ro", ro.toString());
            TestSupport.Run a = cli("sideload", book.toString(), "--to", full.toString()).expect(1);
            assertTrue(a.err().contains("is full"), a.err());
            assertEquals(List.of(), files(full), "nothing half-copied");
            TestSupport.Run b = cli("sideload", book.toString(), "--to", ro.toString()).expect(1);
            assertTrue(b.err().contains("Kobo is read-only"), b.err());
            assertFalse(b.err().contains("Exception"), b.err());
        } finally {
            run("umount", full.toString());
            run("umount", ro.toString());
        }
    }

    /**
     * A book larger than the heap goes to a Kobo in a process with 64 MB of heap (the launcher gives more): both files
     * are streamed, the EPUB copied byte for byte, the kepub made entry by entry with the media stored as they were.
     */
    @Test
    void aBookLargerThanTheHeapIsStreamedToAKobo() throws Exception {
        Path big = withExtra(dir.resolve("big book.epub"), (zip, i) -> {
            if (i >= 12) {
                return false;
            }
            byte[] noise = new byte[8 << 20];
            new java.util.Random(i).nextBytes(noise);
            zip.putNextEntry(stored("OEBPS/audio/extra-" + i + ".mp3", noise));
            zip.write(noise);
            zip.closeEntry();
            return true;
        });
        assertTrue(Files.size(big) > 96L << 20, "larger than the heap: " + Files.size(big));
        Path kobo = Files.createDirectories(dir.resolve("KOBOeReader/.kobo")).getParent();
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), "io.rawi.Main", "sideload", big.toString(), "--to",
                kobo.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), output);
        assertEquals(List.of("big-book.epub", "big-book.kepub.epub"),
                files(kobo).stream().filter(f -> !f.startsWith(".kobo")).toList());
        assertEquals(-1, Files.mismatch(big, kobo.resolve("big-book.epub")), "the EPUB copied byte for byte");
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(big.toFile());
             java.util.zip.ZipFile out = new java.util.zip.ZipFile(kobo.resolve("big-book.kepub.epub").toFile())) {
            assertEquals(in.size(), out.size());
            java.util.zip.ZipEntry last = out.getEntry("OEBPS/audio/extra-11.mp3");
            assertEquals(java.util.zip.ZipEntry.STORED, last.getMethod());
            assertEquals(in.getEntry("OEBPS/audio/extra-11.mp3").getCrc(), last.getCrc());
            assertTrue(new String(out.getInputStream(out.getEntry("OEBPS/text/chapter-001.xhtml")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8).contains("koboSpan"));
        }
    }

    /**
     * A 200 MB zip bomb in a small book: the kepub stops at the archive limits, and the EPUB already written for the
     * same run is removed with it. A book of that name already on the reader is kept as it was, and the message
     * says so.
     */
    @Test
    void aZipBombLeavesTheReaderAsItWas() throws Exception {
        Path bomb = withExtra(dir.resolve("bomb.epub"), (zip, i) -> {
            if (i > 0) {
                return false;
            }
            zip.putNextEntry(new java.util.zip.ZipEntry("OEBPS/images/zeros.png"));
            byte[] zeros = new byte[1 << 20];
            for (int k = 0; k < 200; k++) {
                zip.write(zeros);
            }
            zip.closeEntry();
            return true;
        });
        assertTrue(Files.size(bomb) < 2 << 20, "small on disk: " + Files.size(bomb));
        Path kobo = Files.createDirectories(dir.resolve("KOBOeReader/.kobo")).getParent();
        Path earlier = Files.writeString(kobo.resolve("bomb.epub"), "an earlier book");
        TestSupport.Run r = cli("sideload", bomb.toString(), "--to", kobo.toString()).expect(2);
        assertTrue(r.err().contains("zip bomb"), r.err());
        assertTrue(r.err().contains("nothing this run wrote is left on the Kobo"), r.err());
        assertTrue(r.err().contains("the earlier bomb.epub kept as it was"), r.err());
        assertFalse(r.err().contains("convert"), r.err());
        assertEquals(List.of("bomb.epub"), files(kobo).stream().filter(f -> !f.startsWith(".kobo")).toList());
        assertEquals("an earlier book", Files.readString(earlier));
    }

    /** Adds entries to a copy of the test book; {@code extra} returns false when it has added them all. */
    private static Path withExtra(Path target, Extra extra) throws Exception {
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(book.toFile());
             java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(
                     new java.io.BufferedOutputStream(Files.newOutputStream(target)))) {
            for (var e : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                zip.putNextEntry(e.getName().equals("mimetype") ? stored("mimetype", bytes)
                        : new java.util.zip.ZipEntry(e.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
            for (int i = 0; extra.add(zip, i); i++) {
                // each call adds one
            }
        }
        return target;
    }

    @FunctionalInterface
    private interface Extra {
        boolean add(java.util.zip.ZipOutputStream zip, int i) throws Exception;
    }

    private static java.util.zip.ZipEntry stored(String name, byte[] bytes) {
        java.util.zip.ZipEntry e = new java.util.zip.ZipEntry(name);
        e.setMethod(java.util.zip.ZipEntry.STORED);
        e.setSize(bytes.length);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        return e;
    }

    private static void mount(String type, String option, String value, String where) throws Exception {
        run("mount", "-t", type, option, value, type, where);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", command) + " (these tests need root, as in CI): " + out);
    }
}
