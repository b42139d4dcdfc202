package io.rawi.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Mp3Encoder} through libmp3lame: the frames it writes, their length, the tag before them, and determinism. */
class Mp3EncoderTest {
    @TempDir
    Path dir;

    static short[] tone(int rate, double seconds) {
        short[] pcm = new short[(int) (rate * seconds)];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (9000 * Math.sin(2 * Math.PI * 220 * i / rate) * Math.sin(Math.PI * i / pcm.length));
        }
        return pcm;
    }

    @Test
    void oneFileHoldsATagThenGaplessFramesAsLongAsTheSound() throws Exception {
        short[] pcm = tone(16000, 1.5);
        Path out = dir.resolve("p0001.mp3");
        Tags tags = new Tags("الفقرة ١", "كتاب", "كاتب", 1, 3, "ar");
        new Mp3Encoder().encode(new Processed(pcm, 16000, List.of()), tags, out);
        byte[] b = Files.readAllBytes(out);
        Mp3Frames.Stream s = Mp3Frames.read(b);
        assertEquals(16000, s.sampleRate());
        assertTrue(s.info(), "LAME's Info frame, which lets a player drop the encoder's delay and padding");
        assertTrue(s.samples() >= pcm.length && s.samples() <= pcm.length + 3 * 1152,
                s.samples() + " samples of frames for " + pcm.length + " of sound");
        assertEquals(pcm.length * 1000.0 / 16000, s.soundMs(), 0.1, "gapless: the delay and padding LAME records "
                + "leave exactly the sound (" + s.delay() + " + " + s.padding() + " samples)");
        byte[] tag = java.util.Arrays.copyOf(b, s.tagLength());
        assertTrue(holds(tag, "الفقرة ١") && holds(tag, "كتاب"), "the title and album in the ID3 tag");
        long bitrate = (b.length - s.tagLength()) * 8L * 16000 / s.samples();
        assertTrue(Math.abs(bitrate - Mp3Encoder.BITRATE * 1000) < 4000, "constant " + Mp3Encoder.BITRATE
                + " kbit/s: " + bitrate);
    }

    /** Whether {@code bytes} hold {@code text} in UTF-16 (ID3v2.3's Unicode), either byte order. */
    static boolean holds(byte[] bytes, String text) {
        String le = new String(bytes, StandardCharsets.ISO_8859_1);
        return le.contains(new String(text.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1))
                || le.contains(new String(text.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1));
    }

    @Test
    void theSameSoundGivesTheSameBytes() throws Exception {
        short[] pcm = tone(16000, 0.8);
        Tags tags = new Tags("t", "a", "b", 1, 1, "ar");
        Mp3Encoder encoder = new Mp3Encoder();
        encoder.encode(new Processed(pcm, 16000, List.of()), tags, dir.resolve("a.mp3"));
        encoder.encode(new Processed(tone(16000, 2.0), 16000, List.of()), tags, dir.resolve("between.mp3"));
        new Mp3Encoder().encode(new Processed(pcm, 16000, List.of()), tags, dir.resolve("b.mp3"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.mp3")), Files.readAllBytes(dir.resolve("b.mp3")),
                "the cache and the golden books depend on it");
    }

    @Test
    void eSpeakNgsOwnRateIsKept() throws Exception {
        Path out = dir.resolve("p.mp3");
        new Mp3Encoder().encode(new Processed(tone(22050, 1.0), 22050, List.of()), new Tags("t", "a", "b", 1, 1, "ar"),
                out);
        assertEquals(22050, Mp3Frames.read(Files.readAllBytes(out)).sampleRate());
    }
}
