package io.rawi.audio;

import io.rawi.error.ProcessingException;
import io.rawi.internal.Processes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ogg Opus through the {@code opusenc} program (Debian package opus-tools), fed WAV on standard input, at
 * {@value #BITRATE} kbit/s with the speech tuning. The pre-skip in the Ogg header keeps durations exact.
 */
public final class OpusEncoder implements AudioEncoder {
    static final int BITRATE = 32;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

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
        ByteArrayOutputStream wav = new ByteArrayOutputStream(audio.pcm().length * 2 + 44);
        try {
            WavEncoder.write(wav, audio.pcm(), audio.sampleRate());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Processes.run(command, wav.toByteArray(), TIMEOUT, out.toString());
    }
}
