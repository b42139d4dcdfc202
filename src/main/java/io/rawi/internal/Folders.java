package io.rawi.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folder work shared by the stages. */
public final class Folders {
    private Folders() {
    }

    /**
     * Whether {@code name} starts with the id of a running process (digits, up to a {@code -} or the end): rawi puts
     * its process id in the names of its partial and scratch folders, so that a later run can tell the folders of
     * runs that were killed. False when it does not start with a process id.
     */
    public static boolean ofRunningProcess(String name) {
        String pid = name.split("-", 2)[0];
        try {
            return pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).isPresent();
        } catch (NumberFormatException e) {
            return false; // too many digits for a process id
        }
    }

    /**
     * Removes a folder and everything in it, as far as it can: for rawi's own scratch and partial folders, where a
     * leftover is harmless (the next run starts afresh) and a failure must not hide the error that led here.
     */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // best effort, as above
        }
    }

    /**
     * The voices folder (voice files, lexicons, the diacritizer's model): {@code -Drawi.voices} as the launcher sets
     * it, else {@code RAWI_VOICES}, else {@code voices/} in the working folder.
     */
    public static Path voices() {
        String property = System.getProperty("rawi.voices");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("RAWI_VOICES");
        return Path.of(env != null && !env.isBlank() ? env : "voices");
    }
}
