package io.rawi.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link WavEncoder}: a RIFF header a player reads the rate and length from, then the samples as they were. */
class WavEncoderTest {
    @TempDir
    Path dir;

    @Test
    void theHeaderDescribesTheSamplesThatFollowIt() throws Exception {
        short[] pcm = Mp3EncoderTest.tone(22050, 0.75);
        Path out = dir.resolve("p0001.wav");
        new WavEncoder().encode(new Processed(pcm, 22050, List.of()), new Tags("t", "a", "b", 1, 1, "ar"), out);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(44 + pcm.length * 2, b.capacity());
        assertEquals("RIFF", ascii(b, 0));
        assertEquals(b.capacity() - 8, b.getInt(4), "the RIFF size: the file less its first 8 bytes");
        assertEquals("WAVE", ascii(b, 8));
        assertEquals("fmt ", ascii(b, 12));
        assertEquals(1, b.getShort(20), "PCM");
        assertEquals(1, b.getShort(22), "mono");
        assertEquals(22050, b.getInt(24), "sample rate");
        assertEquals(22050 * 2, b.getInt(28), "bytes per second");
        assertEquals(16, b.getShort(34), "bits per sample");
        assertEquals("data", ascii(b, 36));
        assertEquals(pcm.length * 2, b.getInt(40));
        for (int i = 0; i < pcm.length; i++) {
            assertEquals(pcm[i], b.getShort(44 + 2 * i), "sample " + i);
        }
    }

    private static String ascii(ByteBuffer b, int at) {
        return new String(new byte[] {b.get(at), b.get(at + 1), b.get(at + 2), b.get(at + 3)},
                java.nio.charset.StandardCharsets.US_ASCII);
    }
}
