package io.rawi.it;

import io.rawi.TestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C (SIGINT), SIGTERM and a client of the background server that goes away, each at random points of a
 * conversion narrated by eSpeak NG: nothing is left beside the book, and the book is the previous one, byte for byte
 * (the interrupted run would have made the same bytes, so a run that finished before the signal counts too). The
 * seed of the random points is printed, to replay a failure with {@code -Drawi.signals.seed=N}.
 */
class SignalsIT {
    private static final int EACH = 20;
    @TempDir
    static Path work;
    static Path out;
    static Path reference;
    static long fullMillis;

    private static List<String> args() {
        return List.of("convert", TestSupport.sample().toString(), "-o", out.toString(), "--date", TestSupport.DATE,
                "--identifier", TestSupport.UUID, "--no-cache");
    }

    /** A conversion in a process of its own, with the signals' default handling whatever the test runner has. */
    private static Process start(Path log, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT,TERM",
                ProcessHandle.current().info().command().orElseThrow(),
                "-Xlog:exceptions=info:file=" + log.resolveSibling(log.getFileName() + ".jvm"),
                "-cp", System.getProperty("java.class.path")));
        if (env.containsKey("RAWI_DAEMON")) {
            command.add("-Drawi.daemon=1");
        }
        command.add("io.rawi.Main");
        command.addAll(args());
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    @BeforeAll
    static void makeTheBook() throws Exception {
        out = work.resolve("out");
        reference = work.resolve("reference");
        long t0 = System.nanoTime();
        Process p = start(work.resolve("first.log"), Map.of());
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        fullMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, p.exitValue(), Files.readString(work.resolve("first.log")));
        copyTree(out.resolve("library-ar"), reference);
    }

    @Test
    void ctrlCAndSigtermAtRandomPointsLeaveNothingButThePreviousBook() throws Exception {
        long seed = Long.getLong("rawi.signals.seed", System.nanoTime());
        System.out.println("SignalsIT seed " + seed + " (-Drawi.signals.seed=" + seed + "), a full run " + fullMillis
                + " ms");
        Random random = new Random(seed);
        int interrupted = 0;
        for (int i = 0; i < 2 * EACH; i++) {
            String signal = i % 2 == 0 ? "INT" : "TERM";
            long delay = random.nextLong(fullMillis);
            Path log = work.resolve("run-" + i + ".log");
            Process p = start(log, Map.of());
            Thread.sleep(delay);
            kill(signal, p.pid());
            assertTrue(p.waitFor(2, TimeUnit.MINUTES), "run " + i + " ends");
            String err = Files.readString(log, StandardCharsets.UTF_8);
            String what = "run " + i + " (SIG" + signal + " after " + delay + " ms, exit " + p.exitValue() + "): " + err;
            int expected = signal.equals("INT") ? 130 : 143;
            if (p.exitValue() == 1 && err.isBlank() && jvmCutShort(log)) {
                assertNothingLeft(what + " (the JVM stopped in its own start-up, before rawi ran)");
                continue;
            }
            assertTrue(p.exitValue() == 0 || p.exitValue() == expected, what);
            if (p.exitValue() != 0) {
                interrupted++;
                // it says it was interrupted, unless the signal came before the conversion began or after the book
                // was in place (then the book is the whole new one, checked below); never an error of its own
                assertTrue(err.isBlank() || err.contains("interrupted") || !err.contains("rawi convert:"), what);
                assertFalse(err.contains("Exception") || err.contains("initialise") || err.contains("failed"), what);
            }
            assertNothingLeft(what);
        }
        assertTrue(interrupted >= EACH / 2, "most runs were interrupted: " + interrupted + " of " + 2 * EACH);
    }

    /**
     * A client of the background server killed at a random point while the server narrates: the server stops that
     * conversion and removes its folder, and serves the next one.
     */
    @Test
    void aClientOfTheBackgroundServerThatGoesAwayLeavesNothing() throws Exception {
        Map<String, String> env = Map.of("RAWI_DAEMON", "1", "RAWI_DAEMON_IDLE", "1",
                "RAWI_TEST_SERVER", String.valueOf(System.nanoTime()));
        Process warm = start(work.resolve("warm.log"), env); // starts the server
        assertTrue(warm.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, warm.exitValue(), Files.readString(work.resolve("warm.log")));
        assertNothingLeft("the server's first book");
        Random random = new Random(Long.getLong("rawi.signals.seed", System.nanoTime()));
        for (int i = 0; i < 6; i++) {
            String signal = i % 2 == 0 ? "INT" : "TERM";
            long delay = 300 + random.nextLong(Math.max(1, fullMillis / 2));
            Process client = start(work.resolve("client-" + i + ".log"), env);
            Thread.sleep(delay);
            kill(signal, client.pid());
            assertTrue(client.waitFor(1, TimeUnit.MINUTES));
            String what = "client " + i + " (SIG" + signal + " after " + delay + " ms)";
            for (int k = 0; k < 600 && leftovers().size() > 0; k++) {
                Thread.sleep(100); // the server stops the conversion after the client goes
            }
            assertNothingLeft(what);
        }
        Process next = start(work.resolve("next.log"), env);
        assertTrue(next.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, next.exitValue(), "the server serves the next: " + Files.readString(work.resolve("next.log")));
        assertNothingLeft("after the server's next book");
    }

    private static void assertNothingLeft(String what) throws Exception {
        assertEquals(List.of(), leftovers(), what);
        TestSupport.assertSameFiles(reference, out.resolve("library-ar"));
        try (var files = Files.walk(out.resolve("library-ar"))) {
            try (var expected = Files.walk(reference)) {
                assertEquals(expected.count(), files.count(), "no file more or less: " + what);
            }
        }
    }

    /**
     * Whether the JVM ended in its own initialisation: a signal that arrives while {@code System.initPhase2} runs
     * makes it fail with {@code InternalError: Bad level} and exit 1 before any class of rawi's is loaded (seen on a
     * loaded two-core machine, about 0.4 s after start). Told by the JVM's own exception log, not guessed from the exit
     * code: an error of rawi's always prints a line.
     */
    private static boolean jvmCutShort(Path log) throws Exception {
        Path jvm = log.resolveSibling(log.getFileName() + ".jvm");
        return Files.exists(jvm) && Files.readString(jvm, StandardCharsets.UTF_8).contains("Bad level")
                && Files.readString(jvm, StandardCharsets.UTF_8).contains("initPhase");
    }

    private static List<String> leftovers() throws Exception {
        try (var list = Files.list(out)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> !n.equals("library-ar")).sorted().toList();
        }
    }

    private static void kill(String signal, long pid) throws Exception {
        Process k = new ProcessBuilder("kill", "-s", signal, String.valueOf(pid)).redirectErrorStream(true).start();
        k.getInputStream().readAllBytes();
        k.waitFor(10, TimeUnit.SECONDS); // fails only if the run already ended, which the test allows
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path f : files.sorted().toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }
}
