package io.rawi.internal;

import io.rawi.error.ProcessingException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external program without a shell, feeding its standard input and collecting its output, with a timeout.
 * Failures are reported with the command, the exit status and the tail of standard error.
 */
public final class Processes {
    /** What a finished program gave back. */
    public record Result(byte[] stdout) {
    }

    private Processes() {
    }

    /**
     * Runs {@code command} with {@code stdin} as its input.
     *
     * @param what names the job in messages (a paragraph and backend, a file)
     * @throws ProcessingException when it cannot start, exits non-zero, or outlives {@code timeout}
     */
    public static Result run(List<String> command, byte[] stdin, Duration timeout, String what)
            throws ProcessingException {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new ProcessingException(what + ": cannot start " + command.get(0) + " (" + e.getMessage() + ")", e);
        }
        CompletableFuture<byte[]> out = drain(process.getInputStream());
        CompletableFuture<byte[]> err = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // the program may exit without reading its input; its status says whether that was a failure
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new ProcessingException(what + ": " + String.join(" ", command) + " did not finish within "
                        + timeout.toSeconds() + " s and was stopped");
            }
            int status = process.exitValue();
            byte[] stdout = out.join();
            if (status != 0) {
                throw new ProcessingException(what + ": " + String.join(" ", command) + " exited with status " + status
                        + tail(err.join()));
            }
            return new Result(stdout);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ProcessingException(what + ": interrupted", e);
        }
    }

    /** Reads a stream to its end on a thread of its own, so that a full pipe never blocks the program. */
    private static CompletableFuture<byte[]> drain(InputStream in) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (in) {
                in.transferTo(buffer);
            } catch (IOException e) {
                // the stream closes when the process is killed; what was read is kept
            }
            result.complete(buffer.toByteArray());
        }, "rawi-process-reader");
        reader.setDaemon(true);
        reader.start();
        return result;
    }

    private static String tail(byte[] stderr) {
        String text = new String(stderr, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return "";
        }
        String[] lines = text.split("\n");
        int from = Math.max(0, lines.length - 3);
        return ": " + String.join(" | ", List.of(lines).subList(from, lines.length));
    }
}
