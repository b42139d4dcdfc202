package io.rawi.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * With {@code RAWI_DAEMON=1} (the launcher passes {@code -Drawi.daemon=1}), {@code rawi convert} hands its arguments
 * to a warm {@link Daemon} and relays its output and exit code, starting the daemon first when none is running. The
 * daemon for a request is the one for the same jar, working directory, environment and JVM options; its socket is in
 * {@code $XDG_RUNTIME_DIR/rawi/} or {@code /tmp/rawi-UID/}, a folder only its user may open, and its log beside it.
 *
 * <p>Anything the daemon cannot do the same way runs here, in this process, as without it: standard input as an
 * input ({@code -}), other commands, a socket folder that is not private, or a daemon that does not start.
 */
public final class DaemonClient {
    /** Environment variables that change what a conversion does; a daemon serves only clients that agree on them. */
    private static final List<String> ENVIRONMENT = List.of("HOME", "PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ",
            "TMPDIR", "SOURCE_DATE_EPOCH", "XDG_CACHE_HOME");
    private static final long START_TIMEOUT_MS = 20_000;

    private DaemonClient() {
    }

    /** Whether {@code args} can run in the daemon: a conversion that does not read standard input. */
    static boolean eligible(String[] args) {
        if (args.length == 0 || !args[0].equals("convert")) {
            return false;
        }
        for (String a : args) {
            if (a.equals("-")) {
                return false;
            }
        }
        return true;
    }

    /** Runs {@code args} in the daemon if it can, else here; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (!eligible(args)) {
            return new Cli(out, err).run(args);
        }
        Path socket = socket();
        if (socket == null) {
            return new Cli(out, err).run(args);
        }
        SocketChannel channel = connect(socket);
        if (channel == null) {
            Path log = socket.resolveSibling(socket.getFileName().toString().replace(".sock", ".log"));
            try {
                start(socket, log);
                long deadline = System.nanoTime() + START_TIMEOUT_MS * 1_000_000;
                while (channel == null && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                    channel = connect(socket);
                }
            } catch (IOException e) {
                // reported below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            }
            if (channel == null) {
                err.println("rawi: the background server did not start (see " + log + "); converting in this process");
                return new Cli(out, err).run(args);
            }
        }
        if (io.rawi.pipeline.Pipeline.TIMING) {
            err.println("timing: client: JVM start to connected " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
        }
        try (SocketChannel connected = channel) {
            return forward(connected, args, out, err);
        } catch (IOException e) {
            err.println("rawi: lost the background server (" + e.getMessage() + "; its log is beside " + socket + ")");
            return 1;
        }
    }

    /** Sends the request and copies the daemon's output here until it gives the exit code. */
    static int forward(SocketChannel channel, String[] args, PrintStream out, PrintStream err) throws IOException {
        DataOutputStream request = new DataOutputStream(new BufferedOutputStream(Daemon.output(channel)));
        request.writeInt(Daemon.PROTOCOL);
        request.writeUTF(System.getProperty("user.dir"));
        request.writeBoolean(System.console() != null);
        request.writeInt(args.length);
        for (String a : args) {
            request.writeUTF(a);
        }
        request.flush();
        DataInputStream in = new DataInputStream(new BufferedInputStream(Daemon.input(channel)));
        byte[] buffer = new byte[8192];
        while (true) {
            int kind = in.read();
            if (kind < 0) {
                throw new IOException("it closed the connection before the conversion ended");
            }
            if (kind == Daemon.EXIT) {
                out.flush();
                err.flush();
                return in.readInt();
            }
            int length = in.readInt();
            OutputStream to = kind == Daemon.OUT ? out : err;
            while (length > 0) {
                int n = in.read(buffer, 0, Math.min(buffer.length, length));
                if (n < 0) {
                    throw new IOException("it closed the connection mid-message");
                }
                to.write(buffer, 0, n);
                length -= n;
            }
            to.flush();
        }
    }

    private static SocketChannel connect(Path socket) {
        if (!Files.exists(socket)) {
            return null;
        }
        try {
            return SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return null; // a socket left by a killed daemon: a new one replaces it
        }
    }

    /** Stops every daemon of this user ({@code rawi daemon stop}); returns how many were running. */
    public static int stopAll() {
        Path dir;
        try {
            dir = socketFolder();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        if (dir == null) {
            return 0;
        }
        int stopped = 0;
        try (var list = Files.list(dir)) {
            for (Path socket : list.filter(p -> p.toString().endsWith(".sock")).toList()) {
                SocketChannel channel = connect(socket);
                if (channel == null) {
                    continue;
                }
                try (channel) {
                    if (forward(channel, new String[] {Daemon.STOP}, System.out, System.err) == 0) {
                        stopped++;
                    }
                } catch (IOException e) {
                    // it went away by itself
                }
            }
        } catch (IOException e) {
            return stopped;
        }
        removeDead(dir);
        return stopped;
    }

    /** Removes what daemons that were killed left behind: their sockets, locks and logs. */
    private static void removeDead(Path dir) {
        try (var list = Files.list(dir)) {
            for (Path lock : list.filter(p -> p.toString().endsWith(".sock.lock")).toList()) {
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(lock,
                        java.nio.file.StandardOpenOption.WRITE);
                     java.nio.channels.FileLock held = ch.tryLock()) {
                    if (held != null) { // no live daemon holds it
                        String base = lock.getFileName().toString().replace(".sock.lock", "");
                        Files.deleteIfExists(dir.resolve(base + ".sock"));
                        Files.deleteIfExists(dir.resolve(base + ".log"));
                        Files.delete(lock);
                    }
                } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
                    // in use, or gone meanwhile
                }
            }
        } catch (IOException e) {
            // best effort
        }
    }

    /** Starts a daemon in its own session (so that Ctrl-C in this terminal does not reach it), logging to {@code log}. */
    private static void start(Path socket, Path log) throws IOException {
        removeDead(socket.getParent());
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // the same options as a run without it (the launcher's: a bounded heap, the quick compiler, the
            // class-data archive); measured, the optimising compiler costs more than it gains over ten rebuilds
            if (!option.startsWith("-Drawi.daemon")) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Daemon.class.getName(), socket.toString(),
                String.valueOf(idleMinutes())));
        new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectErrorStream(true).start();
    }

    static long idleMinutes() {
        String value = System.getenv("RAWI_DAEMON_IDLE");
        try {
            return value == null ? 15 : Math.max(1, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return 15;
        }
    }

    /**
     * The socket of the daemon for this jar, folder, environment and JVM, or null when there is no private place
     * for it.
     */
    static Path socket() {
        try {
            Path dir = socketFolder();
            if (dir == null) {
                return null;
            }
            Map<String, String> key = new TreeMap<>();
            key.put("class path", System.getProperty("java.class.path"));
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path p = Path.of(entry);
                if (Files.isRegularFile(p)) {
                    key.put("jar " + entry, Files.getLastModifiedTime(p) + " " + Files.size(p));
                }
            }
            key.put("folder", System.getProperty("user.dir"));
            key.put("java", System.getProperty("java.home") + " " + ManagementFactory.getRuntimeMXBean().getInputArguments());
            System.getenv().forEach((k, v) -> {
                if ((k.startsWith("RAWI_") && !k.equals("RAWI_DAEMON")) || ENVIRONMENT.contains(k)) {
                    key.put("env " + k, v);
                }
            });
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            Path socket = dir.resolve(HexFormat.of().formatHex(hash, 0, 8) + ".sock");
            return socket.toString().length() < 100 ? socket : null; // the limit of a socket's path is 108 bytes
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            return null;
        }
    }

    /** {@code $XDG_RUNTIME_DIR/rawi} or {@code /tmp/rawi-UID}, made if missing, and used only if private to us. */
    private static Path socketFolder() throws IOException {
        Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path dir = runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))
                ? Path.of(runtime, "rawi") : Path.of(System.getProperty("java.io.tmpdir"), "rawi-" + uid);
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
        if (!Files.exists(dir)) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(owner));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made by another client just now; checked below
            }
        }
        boolean ours = !Files.isSymbolicLink(dir) && Files.isDirectory(dir)
                && uid.equals(Files.getAttribute(dir, "unix:uid"))
                && Files.getPosixFilePermissions(dir).equals(owner);
        return ours ? dir : null;
    }
}
