package io.rawi.speech;

import io.rawi.internal.Folders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * This process's data folder for eSpeak NG ({@link EspeakLibrary} starts the library on it): links to every file of
 * eSpeak NG's own {@code espeak-ng-data}, and copies of only the voice files rawi has used, so that a fresh load
 * finds a voice among a few files instead of reading some 300. Made on first use, and removed when the process ends
 * (or, if it is killed, by the next process that makes one). Thread-safe.
 */
final class EspeakDataFolder {
    private final Consumer<Path> removeAtExit;
    private volatile Path root;

    /** @param removeAtExit removes the folder when the process ends (once no synthesis uses it) */
    EspeakDataFolder(Consumer<Path> removeAtExit) {
        this.removeAtExit = removeAtExit;
    }

    /** The folder, or null until a voice was added. */
    Path root() {
        return root;
    }

    /**
     * Puts the file of {@code voice}, just selected in {@code slot}'s library started on eSpeak NG's own folder, into
     * this one, so that later loads find it here among a few files. False for a voice with a variant
     * ({@code name+variant}) or one whose file cannot be put here: the voice then stays on eSpeak NG's own folder.
     */
    boolean addCurrent(EspeakSlot slot, String voice) {
        try {
            com.sun.jna.Pointer current = slot.api.espeak_GetCurrentVoice();
            com.sun.jna.ptr.PointerByReference path = new com.sun.jna.ptr.PointerByReference();
            slot.api.espeak_Info(path);
            com.sun.jna.Pointer identifier = current == null ? null
                    : current.getPointer(2L * com.sun.jna.Native.POINTER_SIZE);
            return identifier != null && path.getValue() != null && !voice.contains("+")
                    && add(Path.of(path.getValue().getString(0, "UTF-8")), identifier.getString(0, "UTF-8"));
        } catch (RuntimeException e) {
            return false; // eSpeak NG's own folder then: slower, same samples
        }
    }

    /**
     * Copies the file of voice {@code id} (as eSpeak NG names it: {@code sem/ar}) from eSpeak NG's folder
     * {@code data} into this one, made on first use. False for a file not found where expected, or a folder that
     * cannot be written: the voice then stays on eSpeak NG's own folder.
     */
    boolean add(Path data, String id) {
        try {
            for (String kind : List.of("lang", "voices")) {
                Path source = data.resolve(kind).resolve(id).normalize();
                if (source.startsWith(data.resolve(kind)) && Files.isRegularFile(source)) {
                    Path target = of(data).resolve("espeak-ng-data").resolve(kind).resolve(id);
                    Files.createDirectories(target.getParent());
                    if (!Files.exists(target)) {
                        Files.copy(source, target);
                    }
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            // eSpeak NG's own folder then: slower, same samples
        }
        return false;
    }

    /**
     * This process's data folder for eSpeak NG, made on first use and removed when the process ends (or, if it is
     * killed, by the next process that makes one).
     */
    private synchronized Path of(Path data) throws IOException {
        if (root != null) {
            return root;
        }
        Path made = processFolder("rawi-espeak-cleanup", removeAtExit);
        Path copy = made.resolve("espeak-ng-data");
        Files.createDirectories(copy.resolve("lang"));
        Files.createDirectories(copy.resolve("voices"));
        try (Stream<Path> files = Files.list(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.createSymbolicLink(copy.resolve(f.getFileName().toString()), f);
            }
        }
        root = made;
        return made;
    }

    /**
     * A new folder of this process in the temporary folder ({@code rawi-espeak-PID-…}), which {@code atExit} removes
     * when the process ends (on a thread named {@code hook}); those of processes killed before they could remove
     * theirs are removed first.
     */
    static Path processFolder(String hook, Consumer<Path> atExit) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        removeStale(tmp);
        Path made = Files.createTempDirectory(tmp, "rawi-espeak-" + ProcessHandle.current().pid() + "-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> atExit.accept(made), hook));
        return made;
    }

    /** Removes the folders of processes that were killed before they could remove theirs ({@code rawi-espeak-PID-…}). */
    private static void removeStale(Path tmp) {
        try (java.nio.file.DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, "rawi-espeak-*")) {
            for (Path d : dirs) {
                String owner = d.getFileName().toString().substring("rawi-espeak-".length());
                if (owner.matches("\\d{1,18}-.*") && !Folders.ofRunningProcess(owner)) { // else not one of ours, or in use
                    Folders.deleteTree(d);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a few leftover links in the temporary folder: harmless
        }
    }
}
