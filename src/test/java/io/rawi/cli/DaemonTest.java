package io.rawi.cli;

import io.rawi.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The background server of RAWI_DAEMON=1, served in this JVM and spoken to over its socket as the client does. */
class DaemonTest {
    @TempDir
    Path dir;
    private Path socket;
    private Daemon daemon;
    private Thread server;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void start() throws Exception {
        socket = dir.resolve("d.sock");
        daemon = new Daemon(socket, Duration.ofMinutes(5));
        server = new Thread(() -> {
            try {
                daemon.serve();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        server.start();
        for (int i = 0; i < 200 && !Files.exists(socket); i++) {
            Thread.sleep(10);
        }
        assertTrue(Files.exists(socket), "the server is listening");
        for (int i = 0; i < 200 && !Files.getPosixFilePermissions(socket).equals(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")); i++) {
            Thread.sleep(10); // set just after binding; the folder the client picks is private anyway
        }
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(socket)), "only its user may connect");
    }

    @AfterEach
    void stop() throws Exception {
        daemon.stop();
        server.join(10_000);
        assertFalse(server.isAlive());
        assertFalse(Files.exists(socket), "the socket goes with the server");
    }

    private Run request(String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            int code = DaemonClient.forward(channel, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void conversionsRunInTheServerWithTheirOutputAndExitCodes() throws Exception {
        Path o = dir.resolve("out");
        Run first = request("convert", TestSupport.sample().toString(), "-o", o.toString(), "--no-audio");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().startsWith(o.resolve("library-ar/library-ar.epub").toAbsolutePath().toString()), first.out());
        assertTrue(Files.isRegularFile(o.resolve("library-ar/library-ar.epub")));

        Path missing = dir.resolve("missing.txt");
        Run bad = request("convert", missing.toString(), "-o", o.toString(), "--no-audio");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains(missing.toString()) && !bad.err().contains("\tat "), bad.err());
        assertEquals("", bad.out());

        Run usage = request("convert", "--no-such-option");
        assertEquals(2, usage.code());
        assertTrue(usage.err().contains("--no-such-option"), usage.err());

        Run again = request("convert", TestSupport.sample().toString(), "-o", o.toString(), "--voices",
                TestSupport.fakeVoices().toString(), "--cache", dir.resolve("cache").toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("narrated 10 audio files"), "progress and notes reach the client: " + again.err());
    }

    @Test
    void aClientThatGoesAwayStopsItsConversionAndThePreviousBookStays() throws Exception {
        Path voices = Files.createDirectory(dir.resolve("voices"));
        TestSupport.toneVoice(voices, "slow", "slow", "{out}", 30);
        Path o = dir.resolve("out");
        assertEquals(0, request("convert", TestSupport.sample().toString(), "-o", o.toString(), "--no-audio").code());
        Path epub = o.resolve("library-ar/library-ar.epub");
        byte[] before = Files.readAllBytes(epub);

        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        Thread client = new Thread(() -> {
            try {
                DaemonClient.forward(channel, new String[] {"convert", TestSupport.sample().toString(), "-o",
                        o.toString(), "--voices", voices.toString(), "--jobs", "1", "--no-cache"},
                        new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
            } catch (IOException e) {
                // closed under it: expected
            }
        });
        client.start();
        Path audio = TestSupport.firstNarratedFile(o, "library-ar");
        assertTrue(audio != null, "narration started in the server");
        channel.close(); // what Ctrl-C or kill -9 of the client does
        client.join(10_000);
        List<String> left = List.of();
        for (int i = 0; i < 300; i++) {
            try (var list = Files.list(o)) {
                left = list.map(d -> d.getFileName().toString()).toList();
            }
            if (left.equals(List.of("library-ar"))) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(List.of("library-ar"), left, "the interrupted conversion removed its partial folder");
        assertArrayEquals(before, Files.readAllBytes(epub), "the previous book is untouched");

        Run next = request("convert", TestSupport.sample().toString(), "-o", o.toString(), "--no-audio", "-t", "Next");
        assertEquals(0, next.code(), "the server takes the next request: " + next.err());
    }

    @Test
    void anIdleServerStopsAndRemovesItsSocket() throws Exception {
        Path other = dir.resolve("idle.sock");
        Daemon idle = new Daemon(other, Duration.ofMillis(300));
        long start = System.nanoTime();
        idle.serve(); // returns once idle for 300 ms
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms >= 300 && ms < 5000, ms + " ms");
        assertFalse(Files.exists(other));
    }

    @Test
    void aSecondServerForTheSameSocketStepsAside() throws Exception {
        long start = System.nanoTime();
        new Daemon(socket, Duration.ofMinutes(5)).serve(); // the lock is held by the running one
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5000);
        assertTrue(Files.exists(socket), "the running server keeps its socket");
        assertEquals(0, request("convert", "--help").code());
    }

    @Test
    void aStopRequestStopsTheServer() throws Exception {
        assertEquals(0, request(Daemon.STOP).code());
        server.join(10_000);
        assertFalse(server.isAlive(), "stopped");
        daemon = new Daemon(socket, Duration.ofMinutes(5)); // for stop() in @AfterEach
        server = new Thread(() -> { });
        server.start();
    }

    @Test
    void onlyConversionsThatDoNotReadStandardInputGoToTheServer() {
        assertTrue(DaemonClient.eligible(new String[] {"convert", "a.txt", "-o", "out"}));
        assertFalse(DaemonClient.eligible(new String[] {"convert", "-"}));
        assertFalse(DaemonClient.eligible(new String[] {"voices"}));
        assertFalse(DaemonClient.eligible(new String[] {}));
    }
}
