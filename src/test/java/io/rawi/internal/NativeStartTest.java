package io.rawi.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where JNA is told to look for libraries: the dynamic linker's folders, read from its configuration files. */
class NativeStartTest {
    @TempDir
    Path dir;

    @Test
    void foldersComeFromTheConfigurationAndItsIncludesThenTheSystems() throws Exception {
        Path a = Files.createDirectories(dir.resolve("opt/a/lib"));
        Path b = Files.createDirectories(dir.resolve("opt/b/lib"));
        Path c = Files.createDirectories(dir.resolve("opt/c/lib"));
        Path confD = Files.createDirectories(dir.resolve("ld.so.conf.d"));
        Files.writeString(confD.resolve("20-b.conf"), "# b's libraries\n" + b + "\n" + dir.resolve("missing") + "\n");
        Files.writeString(confD.resolve("10-c.conf"), c + "   # c, read before b: the files are read sorted\n");
        Files.writeString(confD.resolve("notes.txt"), dir.resolve("opt") + "\n");
        Path conf = Files.writeString(dir.resolve("ld.so.conf"), "hwcap 0 nosegneg\n" + a + "\ninclude ld.so.conf.d/*.conf\n"
                + "include " + dir.resolve("ld.so.conf") + "\n"); // includes itself: read a bounded number of times
        List<String> folders = NativeStart.libraryFolders(conf);
        assertEquals(List.of(a.toString(), c.toString(), b.toString()), folders.subList(0, 3));
        assertFalse(folders.contains(dir.resolve("missing").toString()), "only folders that exist");
        assertFalse(folders.contains(dir.resolve("opt").toString()), "only the included files' pattern");
        assertTrue(folders.stream().skip(3).allMatch(f -> f.startsWith("/usr/lib") || f.startsWith("/lib")),
                "then the system's own: " + folders);
    }

    @Test
    void anUnreadableConfigurationLeavesTheSystemsFolders() {
        List<String> folders = NativeStart.libraryFolders(dir.resolve("no-such.conf"));
        assertTrue(folders.stream().allMatch(f -> f.startsWith("/usr/lib") || f.startsWith("/lib")), folders.toString());
    }

    /** This machine's real configuration finds the folder of libespeak-ng, where JNA's own search (ldconfig) does. */
    @Test
    void theRealConfigurationFindsTheSpeechLibrary() throws Exception {
        List<String> folders = NativeStart.libraryFolders(Path.of("/etc/ld.so.conf"));
        Path lib = null;
        for (String f : folders) {
            try (var list = Files.list(Path.of(f))) {
                lib = list.filter(p -> p.getFileName().toString().startsWith("libespeak-ng.so")).findFirst().orElse(null);
            }
            if (lib != null) {
                break;
            }
        }
        assertTrue(lib != null, "libespeak-ng is in one of " + folders);
    }

    /** What rawi asks of libmp3lame here: its version. */
    public interface Lame extends com.sun.jna.Library {
        String get_lame_version();
    }

    /**
     * A library loaded by its Linux file name is loaded from its path, so that it knows its file: eSpeak NG's slots
     * copy the file they are given (a library found by the linker from a bare name knows none, and narration would
     * fall back to one slot). The run-tests script installs libmp3lame.
     */
    @Test
    void aLibraryLoadedByItsFileNameKnowsItsFile() {
        Lame lame = NativeStart.load("mp3lame", "libmp3lame.so.0", Lame.class);
        assertTrue(lame.get_lame_version().startsWith("3."), lame.get_lame_version());
        java.io.File file = ((com.sun.jna.Library.Handler) java.lang.reflect.Proxy.getInvocationHandler(lame))
                .getNativeLibrary().getFile();
        assertTrue(file != null && file.isAbsolute() && file.isFile(), String.valueOf(file));
        assertEquals("libmp3lame.so.0", file.getName());
        Lame byName = NativeStart.load("mp3lame", "libno-such-library.so.9", Lame.class);
        assertEquals(lame.get_lame_version(), byName.get_lame_version(), "an unknown file name: by the plain name");
    }
}
