package io.rawi.speech;

import com.sun.jna.NativeLibrary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared libraries that libespeak-ng brought into the process, kept loaded for the life of the process, so that
 * each fresh load of libespeak-ng (see {@link EspeakLibrary}) maps only itself. Thread-safe.
 */
final class PinnedLibraries {
    private final List<NativeLibrary> pinned = new ArrayList<>();

    /**
     * Keeps loaded the libraries that libespeak-ng brought in (ALSA, pcaudio, sonic: stateless for rawi, which never
     * plays audio), so that each fresh load of libespeak-ng maps only itself: a third less time.
     */
    void pin(java.util.Set<String> before, Path espeak) {
        Path self;
        try {
            self = espeak.toRealPath();
        } catch (IOException e) {
            return; // cannot tell the library from its dependencies: pin nothing
        }
        for (String lib : mapped()) {
            Path path = Path.of(lib);
            // never libespeak-ng itself, whatever its name: pinned, it would no longer load afresh
            if (!before.contains(lib) && !path.equals(self) && !path.getFileName().toString().contains("espeak")) {
                try {
                    synchronized (pinned) {
                        pinned.add(NativeLibrary.getInstance(lib));
                    }
                } catch (UnsatisfiedLinkError e) {
                    // then it is loaded afresh with libespeak-ng each time: slower, the same samples
                }
            }
        }
    }

    /** The shared libraries mapped into this process (from {@code /proc/self/maps}; empty where there is none). */
    static java.util.Set<String> mapped() {
        java.util.Set<String> libs = new java.util.HashSet<>();
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/maps"))) {
            lines.map(l -> l.indexOf('/') < 0 ? "" : l.substring(l.indexOf('/')))
                    .filter(f -> f.contains(".so")).forEach(libs::add);
        } catch (IOException | RuntimeException e) {
            // not Linux: nothing to pin
        }
        return libs;
    }
}
