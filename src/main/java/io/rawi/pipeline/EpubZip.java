package io.rawi.pipeline;

import io.rawi.epub.EpubPackage;
import io.rawi.epub.Ocf;
import io.rawi.epub.Resource;
import io.rawi.error.ProcessingException;
import io.rawi.error.RawiException;
import io.rawi.internal.IoMessages;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The EPUB file of one conversion. A narrated book rawi makes is begun as soon as its narration ends: its audio files
 * (most of its bytes) are copied into the container on a background thread while the overlays are made, and
 * {@link #finish} adds the package document and the rest. Any other book is written whole by {@link #finish}.
 * {@link #close} closes the file whatever happened (a failure between the two leaves it to the partial folder).
 */
final class EpubZip implements AutoCloseable {
    private final Path file;
    private FileChannel out;
    private Future<Ocf.Container> started;

    EpubZip(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /**
     * Begins the container with {@code audio} (in manifest order) on {@code background}; {@code staging} waits for
     * it before removing the partial folder after a failure.
     */
    void start(List<Resource> audio, Instant time, ExecutorService background, Staging staging) throws RawiException {
        out = open();
        FileChannel channel = out;
        started = background.submit(() -> {
            try {
                Ocf.Container zip = Ocf.Container.start(channel, time);
                for (Resource r : audio) {
                    zip.resource(r);
                }
                return zip;
            } catch (IOException e) {
                throw cannotWrite(e);
            }
        });
        staging.track(started);
    }

    /** Writes the book: the rest of the container begun by {@link #start}, else all of it. */
    void finish(EpubPackage pkg) throws RawiException {
        try {
            if (started != null) {
                pkg.write(io.rawi.internal.Futures.join(started, "the conversion"));
            } else {
                out = open();
                pkg.write(out);
            }
        } catch (IOException e) {
            throw cannotWrite(e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // written and closed, or abandoned with the partial folder
            }
            out = null;
        }
    }

    private FileChannel open() throws ProcessingException {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    private ProcessingException cannotWrite(IOException e) {
        return new ProcessingException(file + ": cannot write the EPUB (" + IoMessages.reason(e) + ")", e);
    }
}
