package io.rawi.speech;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Decodes the WAV files that engines write into 16-bit mono samples. */
public final class Pcm {
    /** Decoded samples and their rate. */
    public record Samples(short[] samples, int sampleRate) {
    }

    private Pcm() {
    }

    /** Decodes a WAV file's bytes; stereo is mixed down to mono, 8-bit and 24-bit are converted. */
    public static Samples decodeWav(byte[] wav) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat src = in.getFormat();
            AudioFormat target = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, src.getSampleRate(), 16,
                    src.getChannels(), 2 * src.getChannels(), src.getSampleRate(), false);
            try (AudioInputStream pcm = AudioSystem.getAudioInputStream(target, in)) {
                return new Samples(mono(pcm, src.getChannels()), Math.round(src.getSampleRate()));
            }
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new IOException("not a WAV file that can be decoded (" + e.getMessage() + ")", e);
        }
    }

    private static short[] mono(InputStream in, int channels) throws IOException {
        byte[] bytes = in.readAllBytes();
        int frames = bytes.length / (2 * channels);
        short[] out = new short[frames];
        for (int f = 0; f < frames; f++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                int i = (f * channels + c) * 2;
                sum += (short) ((bytes[i] & 0xff) | (bytes[i + 1] << 8));
            }
            out[f] = (short) (sum / channels);
        }
        return out;
    }

    /** Whether no sample rises above -50 dBFS: what an engine that "spoke" nothing returns. */
    public static boolean silent(short[] pcm) {
        for (short s : pcm) {
            if (Math.abs(s) > 100) {
                return false;
            }
        }
        return true;
    }

    /** Joins sample arrays. */
    public static short[] concat(java.util.List<short[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        short[] out = new short[n];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
