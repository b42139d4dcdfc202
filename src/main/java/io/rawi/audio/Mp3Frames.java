package io.rawi.audio;

import java.nio.ByteBuffer;

/**
 * Reads back what rawi's MP3 files hold (MPEG-2 layer III, as {@link Mp3Encoder} writes them): the ID3v2 tag's
 * length and the audio frames after it, with LAME's delay and padding, which give the sound's exact length.
 */
public final class Mp3Frames {
    private static final int[] MPEG2_KBPS = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    private static final int[] MPEG2_RATES = {22050, 24000, 16000};

    /** The frames after the tag: how many, their sample rate, and whether the first is LAME's Info frame. */
    public record Stream(int frames, int sampleRate, boolean info, int tagLength, int delay, int padding) {
        /** Samples of audio the frames hold, the Info frame left out (MPEG-2 layer III: 576 a frame). */
        public long samples() {
            return (long) (frames - (info ? 1 : 0)) * 576;
        }

        /** The sound's own length in milliseconds: the frames less LAME's encoder delay and padding (gapless). */
        public double soundMs() {
            return (samples() - delay - padding) * 1000.0 / sampleRate;
        }
    }

    private Mp3Frames() {
    }

    public static int tagLength(byte[] b) {
        if (b.length < 10 || b[0] != 'I' || b[1] != 'D' || b[2] != '3') {
            return 0;
        }
        return 10 + ((b[6] & 0x7f) << 21 | (b[7] & 0x7f) << 14 | (b[8] & 0x7f) << 7 | (b[9] & 0x7f));
    }

    public static Stream read(byte[] b) {
        int at = tagLength(b);
        int start = at;
        int frames = 0;
        int rate = 0;
        boolean info = false;
        int delay = 0;
        int padding = 0;
        while (at + 4 <= b.length) {
            int h = ByteBuffer.wrap(b, at, 4).getInt();
            if ((h >>> 21) != 0x7ff) {
                throw new IllegalArgumentException("no MPEG frame at byte " + at);
            }
            int version = (h >>> 19) & 3;   // 2: MPEG-2
            int layer = (h >>> 17) & 3;     // 1: layer III
            if (version != 2 || layer != 1) {
                throw new IllegalArgumentException("not MPEG-2 layer III at byte " + at);
            }
            int kbps = MPEG2_KBPS[(h >>> 12) & 15];
            rate = MPEG2_RATES[(h >>> 10) & 3];
            int slot = (h >>> 9) & 1; // the frame's padding byte
            int length = 72 * kbps * 1000 / rate + slot;
            if (at == start) {
                String body = new String(b, at, Math.min(length, b.length - at), java.nio.charset.StandardCharsets.ISO_8859_1);
                int tag = Math.max(body.indexOf("Info"), body.indexOf("Xing"));
                info = tag >= 0;
                if (info && body.startsWith("LAME", tag + 120)) { // the LAME extension: delay and padding, 12 bits each
                    int d = tag + 120 + 21;
                    delay = (body.charAt(d) << 4) | (body.charAt(d + 1) >> 4);
                    padding = ((body.charAt(d + 1) & 0x0f) << 8) | body.charAt(d + 2);
                }
            }
            frames++;
            at += length;
        }
        if (at != b.length) {
            throw new IllegalArgumentException("a cut frame at the end (" + (at - b.length) + " bytes missing)");
        }
        return new Stream(frames, rate, info, start, delay, padding);
    }
}
