package io.rawi.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link OpusEncoder} through opusenc (the test command installs opus-tools): an Ogg Opus file holding the sound's
 * length and the block's tags.
 */
class OpusEncoderTest {
    @TempDir
    Path dir;

    @Test
    void anOggOpusFileWithTheTagsAndTheSoundsLength() throws Exception {
        short[] pcm = Mp3EncoderTest.tone(16000, 2.0);
        Path out = dir.resolve("p0002.opus");
        new OpusEncoder().encode(new Processed(pcm, 16000, List.of()), new Tags("الفقرة ٢", "كتاب", "كاتب", 2, 5, "ar"),
                out);
        byte[] b = Files.readAllBytes(out);
        String s = new String(b, StandardCharsets.ISO_8859_1);
        assertTrue(s.startsWith("OggS"), "an Ogg stream");
        assertTrue(s.contains("OpusHead") && s.contains("OpusTags"), "Opus's two header packets");
        String tags = new String(b, StandardCharsets.UTF_8);
        assertTrue(tags.contains("title=الفقرة ٢") && tags.contains("album=كتاب") && tags.contains("artist=كاتب")
                && tags.contains("tracknumber=2/5") && tags.contains("LANGUAGE=ar"), "the block's tags");
        // the last page's granule position: samples at 48 kHz from the start, less the pre-skip in the header
        int last = s.lastIndexOf("OggS");
        long granule = java.nio.ByteBuffer.wrap(b, last + 6, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        int head = s.indexOf("OpusHead");
        int preSkip = (b[head + 10] & 0xff) | (b[head + 11] & 0xff) << 8;
        assertEquals(2000.0, (granule - preSkip) / 48.0, 1.0, "the sound's 2 s, to the millisecond");
        long bitrate = (b.length - s.indexOf("OggS", head)) * 8L / 2;
        assertTrue(bitrate < OpusEncoder.BITRATE * 1000 * 1.5, "about " + OpusEncoder.BITRATE + " kbit/s: " + bitrate);
    }
}
