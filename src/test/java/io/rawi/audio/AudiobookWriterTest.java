package io.rawi.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link AudiobookWriter} in MP3: blocks handed over in any order from several threads come out in reading order,
 * with a chapter frame per chapter starting where its first block does.
 */
class AudiobookWriterTest {
    @TempDir
    Path dir;

    private static final int RATE = 16000;

    @Test
    void blocksInAnyOrderMakeOneFileWithChaptersWhereTheyBegin() throws Exception {
        double[] seconds = {0.6, 1.1, 0.4, 0.9};
        Path out = dir.resolve("book.mp3");
        AudiobookWriter writer = new AudiobookWriter(AudiobookWriter.Format.MP3, out, dir.resolve("scratch"),
                seconds.length, RATE);
        List<Thread> threads = new ArrayList<>();
        for (int i : new int[] {3, 1, 0, 2}) { // the last block first, as a narrator thread may finish it first
            Thread t = new Thread(() -> {
                try {
                    writer.ready(i, new Processed(Mp3EncoderTest.tone(RATE, seconds[i]), RATE, List.of()));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long durationMs = writer.finish(List.of(new AudiobookWriter.Chapter("الأول", 0),
                new AudiobookWriter.Chapter("الثاني", 2)), new Tags("كتاب", "كتاب", "كاتب", 1, 1, "ar"),
                Optional.empty(), "image/png");
        writer.close();
        long samples = 0;
        for (double s : seconds) {
            samples += (int) (RATE * s);
        }
        assertEquals(Math.round(samples * 1000.0 / RATE), durationMs);
        byte[] b = Files.readAllBytes(out);
        Mp3Frames.Stream s = Mp3Frames.read(b);
        assertTrue(s.samples() >= samples && s.samples() <= samples + 3 * 1152, s.samples() + " for " + samples);
        byte[] tag = java.util.Arrays.copyOf(b, s.tagLength());
        assertTrue(Mp3EncoderTest.holds(tag, "الأول") && Mp3EncoderTest.holds(tag, "الثاني"), "both chapter titles");
        assertEquals(List.of(0L, Math.round(((int) (RATE * 0.6) + (int) (RATE * 1.1)) * 1000.0 / RATE)),
                chapterStarts(tag), "the second chapter starts where its first block does");
        assertTrue(new String(tag, StandardCharsets.ISO_8859_1).contains("CTOC"), "a table of contents frame");
        assertFalse(Files.exists(dir.resolve("scratch").resolve("audiobook.mp3")), "the scratch file is gone");
    }

    @Test
    void aBlockOutsideTheBookIsRefused() throws Exception {
        try (AudiobookWriter writer = new AudiobookWriter(AudiobookWriter.Format.MP3, dir.resolve("b.mp3"),
                dir.resolve("scratch"), 2, RATE)) {
            assertThrows(RuntimeException.class, () -> writer.ready(2, new Processed(new short[10], RATE, List.of())));
        }
    }

    /** The start times of the ID3v2.3 CHAP frames: after "CHAP", size, flags and the null-ended element id. */
    private static List<Long> chapterStarts(byte[] tag) {
        String s = new String(tag, StandardCharsets.ISO_8859_1);
        List<Long> starts = new ArrayList<>();
        for (int at = s.indexOf("CHAP"); at >= 0; at = s.indexOf("CHAP", at + 4)) {
            int id = at + 10;
            int end = s.indexOf('\0', id);
            starts.add(ByteBuffer.wrap(tag, end + 1, 4).getInt() & 0xffffffffL);
        }
        return starts;
    }
}
