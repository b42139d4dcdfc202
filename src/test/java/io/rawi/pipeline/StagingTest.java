package io.rawi.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Partial folders: which a new run removes as abandoned, and which it leaves to the run still writing them. */
class StagingTest {
    @TempDir
    Path out;

    private Path partial(String suffix) throws Exception {
        Path p = Files.createDirectories(out.resolve(".book.partial-" + ProcessHandle.current().pid() + "-" + suffix));
        Files.writeString(p.resolve("p0001.mp3"), "half a book");
        return p;
    }

    /**
     * A background server's request that died leaves a folder named with the server's live process id: its lock is
     * free, so it is abandoned and removed; so is an old folder without a lock (a rawi that took none). A folder whose
     * lock is held (another conversion of this process) and a fresh one without a lock yet are left alone.
     */
    @Test
    void abandonedFoldersGoEvenWhenTheirProcessIsAlive() throws Exception {
        Path unlocked = partial("crashed");
        Files.writeString(out.resolve(unlocked.getFileName() + ".lock"), "");
        Path old = partial("old");
        Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis() - 5 * 60_000));
        Path fresh = partial("fresh");
        Path strayLock = Files.writeString(out.resolve(".book.partial-" + ProcessHandle.current().pid() + "-gone.lock"), "");
        try (Staging running = Staging.open(out, "book")) {
            Files.writeString(running.dir().resolve("p0001.mp3"), "being written");
            try (Staging next = Staging.open(out, "book")) {
                assertTrue(Files.exists(running.dir().resolve("p0001.mp3")), "a conversion under way keeps its folder");
                assertFalse(Files.exists(unlocked), "a folder nobody holds goes");
                assertFalse(Files.exists(out.resolve(unlocked.getFileName() + ".lock")));
                assertFalse(Files.exists(old), "an old folder without a lock goes");
                assertTrue(Files.exists(fresh), "a folder made an instant ago, before its lock, stays");
                assertFalse(Files.exists(strayLock), "a lock without its folder goes");
                assertTrue(Files.isDirectory(next.dir()));
            }
            assertTrue(Files.exists(running.dir()));
        }
        try (var left = Files.list(out)) {
            assertTrue(left.allMatch(p -> p.equals(fresh)), "closing removes each folder and its lock");
        }
    }
}
