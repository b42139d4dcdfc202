package io.rawi.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher's check that eSpeak NG and LAME are installed, run many times on a machine that has them: it must
 * never decide that they are missing. (It once piped ldconfig into {@code grep -q} under pipefail, and about one run
 * in 35 lost the race to SIGPIPE: it then reinstalled the packages, or told a user without root that they were not
 * installed.) {@code java}, {@code apt-get} and {@code sudo} are stand-ins here, so only the launcher's own logic
 * runs; ldconfig is the real one.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("rawi").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void installedLibrariesAreNeverTakenForMissing() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path called = dir.resolve("package-manager-called");
        stub(bin.resolve("java"), "exit 0");
        for (String manager : new String[] {"apt-get", "sudo"}) {
            stub(bin.resolve(manager), "echo \"$0 $*\" >> '" + called + "'; exit 1");
        }
        String path = bin + ":" + System.getenv("PATH");
        for (int run = 0; run < 300; run++) {
            // without the stamp of an earlier check, so that every run reads the linker's list
            Files.deleteIfExists(LAUNCHER.resolveSibling("target").resolve(".narration-libraries"));
            ProcessBuilder pb = new ProcessBuilder("bash", LAUNCHER.toString(), "convert", "article.txt")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("PATH", path);
            pb.environment().remove("RAWI_JAVA_OPTS");
            pb.environment().remove("RAWI_DAEMON");
            Process p = pb.start();
            String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher finished");
            assertEquals(0, p.exitValue(), "run " + run + ": " + stderr);
            assertFalse(stderr.contains("install"), "run " + run + ": " + stderr);
        }
        assertFalse(Files.exists(called), () -> "a package manager was called: " + read(called));
    }

    private static void stub(Path file, String body) throws Exception {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.getMessage();
        }
    }
}
