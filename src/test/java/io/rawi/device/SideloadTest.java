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
