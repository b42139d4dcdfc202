package io.rawi.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The background server behind {@code RAWI_DAEMON=1}: one JVM that stays warm between conversions, as a build tool's
 * daemon does, so that a rebuild after a small edit costs the work that changed instead of a JVM start and cold code.
 *
 * <p>It listens on a Unix domain socket in a folder only its user can open ({@link DaemonClient} chooses the place
 * and starts it). There is one server per working directory, jar and environment, so relative paths and settings
 * mean what they mean to the client. Conversions run one at a time, each with the client's arguments; output and the
 * exit code go back to the client. When the client goes away (Ctrl-C, kill), the conversion is interrupted and the
 * previous book stays as it was. The server exits after {@code idle} without a request, or after running out of
 * memory.
 *
 * <p>Protocol (version {@value #PROTOCOL}), client to server: int version, UTF working directory, boolean terminal,
 * int count, UTF arguments. Server to client: frames of a kind byte ({@link #OUT}, {@link #ERR}) with an int length
 * and bytes, then {@link #EXIT} with the int exit code.
 */
public final class Daemon {
    static final int PROTOCOL = 1;
    static final byte OUT = 1;
    static final byte ERR = 2;
    static final byte EXIT = 3;
    /** The one argument of a request to stop the server. */
    static final String STOP = "\u0000stop";

    private final Path socket;
    private final Duration idle;
    private final AtomicLong lastActive = new AtomicLong(System.nanoTime());
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile boolean outOfMemory;
    private volatile ServerSocketChannel server;

    Daemon(Path socket, Duration idle) {
        this.socket = socket;
        this.idle = idle;
    }

    /** {@code Daemon SOCKET IDLE-MINUTES}; started by {@link DaemonClient}, not by hand. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        if (args.length != 2) {
            System.err.println("usage: Daemon SOCKET IDLE-MINUTES (started by rawi itself with RAWI_DAEMON=1)");
            System.exit(2);
        }
        try {
            new Daemon(Path.of(args[0]), Duration.ofMinutes(Long.parseLong(args[1]))).serve();
        } catch (IOException | RuntimeException e) {
            System.err.println("rawi daemon: " + e);
            System.exit(1);
        }
        System.exit(0);
    }

    /**
     * Serves until idle for the idle time. Returns at once if another server already holds the socket's lock (two
     * clients started one each at the same moment).
     */
    void serve() throws IOException {
        Path lockFile = socket.resolveSibling(socket.getFileName() + ".lock");
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(lockChannel)) {
            if (lock == null) {
                return;
            }
            Files.deleteIfExists(socket); // left by a server that was killed
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                this.server = server;
                server.bind(UnixDomainSocketAddress.of(socket));
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
                Thread watchdog = new Thread(() -> closeWhenIdle(server), "rawi-daemon-idle");
                watchdog.setDaemon(true);
                watchdog.start();
                while (!outOfMemory) {
                    SocketChannel client;
                    try {
                        client = server.accept();
                    } catch (ClosedChannelException e) {
                        break; // idle for too long
                    }
                    busy.set(true);
                    try (client) {
                        handle(client);
                    } catch (IOException e) {
                        // the client went away mid-request; nothing to tell it
                    } finally {
                        lastActive.set(System.nanoTime());
                        busy.set(false);
                    }
                }
            } finally {
                Files.deleteIfExists(socket);
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null; // held by another server in this JVM
        }
    }

    /** Stops taking requests; the one running, if any, finishes first. */
    void stop() throws IOException {
        ServerSocketChannel s = server;
        if (s != null) {
            s.close();
        }
    }

    private void closeWhenIdle(ServerSocketChannel server) {
        while (server.isOpen()) {
            try {
                Thread.sleep(Math.min(1000, Math.max(1, idle.toMillis() / 4)));
            } catch (InterruptedException e) {
                return;
            }
            if (!busy.get() && System.nanoTime() - lastActive.get() > idle.toNanos()) {
                try {
                    server.close();
                } catch (IOException e) {
                    return;
                }
            }
        }
    }

    /** Runs one request. The conversion runs on its own thread, which is interrupted if the client goes away. */
    private void handle(SocketChannel client) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(input(client)));
        Frames frames = new Frames(new DataOutputStream(new BufferedOutputStream(output(client))));
        int version = in.readInt();
        String cwd = in.readUTF();
        boolean terminal = in.readBoolean();
        String[] args = new String[in.readInt()];
        for (int i = 0; i < args.length; i++) {
            args[i] = in.readUTF();
        }
        PrintStream out = new PrintStream(frames.stream(OUT), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(frames.stream(ERR), true, StandardCharsets.UTF_8);
        if (version == PROTOCOL && args.length == 1 && args[0].equals(STOP)) { // from any folder: 'rawi daemon stop'
            frames.exit(0);
            stop();
            return;
        }
        if (version != PROTOCOL || !cwd.equals(System.getProperty("user.dir"))) {
            err.println("rawi: the background server does not match this client (protocol " + version + ", folder "
                    + cwd + "); stop it, or run with RAWI_DAEMON=0");
            frames.exit(1);
            return;
        }
        int[] code = {1};
        Thread worker = new Thread(() -> {
            Cli cli = new Cli(out, err, terminal);
            try {
                code[0] = cli.run(args);
            } catch (OutOfMemoryError e) {
                err.println("rawi: out of memory");
                outOfMemory = true;
            }
            if (cli.ranOutOfMemory()) {
                outOfMemory = true; // Cli has reported it; a JVM that ran out is not trusted with another book
            }
        }, "rawi-request");
        Thread watcher = new Thread(() -> {
            try {
                while (in.read() >= 0) {
                    // the client sends nothing more; reading only notices when it goes away
                }
            } catch (IOException e) {
                // closed: the same as going away
            }
            worker.interrupt();
        }, "rawi-client-watch");
        watcher.setDaemon(true);
        worker.start();
        watcher.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
        err.flush();
        frames.exit(code[0]);
    }

    /** A socket channel's reading side, without the lock that {@code Channels.newInputStream} holds while it waits. */
    static InputStream input(SocketChannel channel) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : channel.read(ByteBuffer.wrap(b, off, len));
            }
        };
    }

    /** A socket channel's writing side (usable while another thread waits on the reading side). */
    static OutputStream output(SocketChannel channel) {
        return new ArrayOutputStream() {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        };
    }

    /** A stream whose single bytes go through {@link #write(byte[], int, int)}, the one method it needs. */
    private abstract static class ArrayOutputStream extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public abstract void write(byte[] b, int off, int len) throws IOException;
    }

    /** Output and error, framed on one connection in the order they were written. */
    private static final class Frames {
        private final DataOutputStream out;

        Frames(DataOutputStream out) {
            this.out = out;
        }

        synchronized void write(byte kind, byte[] b, int off, int len) throws IOException {
            out.writeByte(kind);
            out.writeInt(len);
            out.write(b, off, len);
            out.flush();
        }

        synchronized void exit(int code) {
            try {
                out.writeByte(EXIT);
                out.writeInt(code);
                out.flush();
            } catch (IOException e) {
                // the client is gone
            }
        }

        OutputStream stream(byte kind) {
            return new ArrayOutputStream() {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    Frames.this.write(kind, b, off, len);
                }
            };
        }
    }
}
