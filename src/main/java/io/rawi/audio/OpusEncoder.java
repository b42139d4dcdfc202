package io.rawi.audio;

import io.rawi.error.ProcessingException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ogg Opus through the {@code opusenc} program (Debian package opus-tools), fed WAV on standard input, at
 * {@value #BITRATE} kbit/s with the speech tuning. The pre-skip in the Ogg header keeps durations exact.
 */
public final class OpusEncoder implements AudioEncoder {
    static final int BITRATE = 32;

    /** @throws ProcessingException when opusenc is not installed */
    public OpusEncoder() throws ProcessingException {
        try {
            Process p = new ProcessBuilder("opusenc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new ProcessingException("opus: the opusenc program is not installed; install it: "
                    + "apt-get install opus-tools (or use --audio-format mp3)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessingException("opus: interrupted");
        }
    }

    @Override
    public String extension() {
        return "opus";
    }

    @Override
    public String mediaType() {
        return "audio/ogg; codecs=opus";
    }

    @Override
    public String version() {
        return "opusenc " + BITRATE + "k speech";
    }

    @Override
    public void encode(Processed audio, Tags tags, Path out) throws ProcessingException {
        List<String> command = List.of("opusenc", "--quiet", "--bitrate", String.valueOf(BITRATE), "--speech",
                "--title", tags.title(), "--album", tags.album(), "--artist", tags.artist(),
                "--tracknumber", tags.track() + "/" + tags.tracks(), "--comment", "LANGUAGE=" + tags.language(),
                "-", out.toString());
        try {
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> {
                try (InputStream in = p.getErrorStream()) {
                    in.transferTo(err);
                } catch (IOException e) {
                    // opusenc's messages are only for the error report
                }
            });
            reader.start();
            try (OutputStream in = p.getOutputStream()) {
                WavEncoder.write(in, audio.pcm(), audio.sampleRate());
            }
            int status = p.waitFor();
            reader.join();
            if (status != 0) {
                throw new ProcessingException(out + ": opusenc exited with status " + status + ": "
                        + err.toString(StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new ProcessingException(out + ": opusenc failed (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessingException(out + ": interrupted");
        }
    }
}
