package io.rawi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Decodes audio files with ffmpeg, an independent decoder, to check what rawi says about them. */
public final class AudioProbe {
    /** Decoded mono samples. */
    public record Decoded(short[] samples, int rate) {
        public long millis() {
            return Math.round(samples.length * 1000.0 / rate);
        }

        /** Root mean square level in dBFS. */
        public double rmsDbfs() {
            double sum = 0;
            for (short s : samples) {
                sum += (double) s * s;
            }
            return 20 * Math.log10(Math.sqrt(sum / Math.max(1, samples.length)) / 32768);
        }
    }

    private AudioProbe() {
    }

    public static Decoded decode(Path file) {
        try {
            Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-i", file.toString(), "-f", "s16le", "-ac", "1", "-")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] pcm = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("ffmpeg did not finish decoding " + file);
            }
            assertEquals(0, p.exitValue(), "ffmpeg could not decode " + file);
            short[] samples = new short[pcm.length / 2];
            ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
            return new Decoded(samples, rate(file));
        } catch (IOException e) {
            return fail("ffmpeg is needed to decode audio in the tests (apt-get install ffmpeg): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(e);
        }
    }

    private static int rate(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries",
                "stream=sample_rate", "-of", "csv=p=0", file.toString()).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor(30, TimeUnit.SECONDS);
        return Integer.parseInt(out);
    }
}
