package io.rawi.audio;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import io.rawi.error.ProcessingException;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * MP3 through {@code libmp3lame} in process (JNA): constant bit rate, mono, with a LAME "Info" frame that records the
 * encoder delay and padding, so that players and decoders give back exactly the samples that were encoded, and an
 * ID3v2.3 tag. Settings: {@value #BITRATE} kbit/s, LAME quality {@value #QUALITY}, chosen by measurement
 * ({@code bench/encoder-choice.sh}; figures in docs/BENCHMARKS.md): q7 is the fastest of the qualities tried and
 * loses nothing measurable on synthetic speech. The rate is 48 kbit/s because the audio is 16 kHz: the same three
 * bits per sample as 64 kbit/s at eSpeak NG's 22,050 Hz, for less encoding time.
 * Thread-safe: each file has its own encoder.
 */
public final class Mp3Encoder implements AudioEncoder {
    static final int BITRATE = 48;
    static final int QUALITY = 7;
    private static final int MONO = 3;

    interface Lame extends Library {
        Pointer lame_init();

        int lame_set_in_samplerate(Pointer gf, int rate);

        int lame_set_num_channels(Pointer gf, int channels);

        int lame_set_mode(Pointer gf, int mode);

        int lame_set_brate(Pointer gf, int kbps);

        int lame_set_quality(Pointer gf, int quality);

        int lame_set_VBR(Pointer gf, int mode);

        int lame_set_bWriteVbrTag(Pointer gf, int write);

        int lame_init_params(Pointer gf);

        int lame_encode_buffer(Pointer gf, short[] left, short[] right, int samples, byte[] out, int size);

        int lame_encode_flush(Pointer gf, byte[] out, int size);

        long lame_get_lametag_frame(Pointer gf, byte[] out, long size);

        int lame_close(Pointer gf);

        String get_lame_version();
    }

    /**
     * libmp3lame, loaded once per process when first needed: the library, or why it cannot be loaded, and its
     * version. Final fields set while the class initialises, so nothing here changes afterwards.
     */
    private static final class Loaded {
        static final Lame LAME;
        static final String ERROR;
        /** Asked of every paragraph for its cache key: the library is asked once. */
        static final String VERSION;

        static {
            Lame lame = null;
            String error = null;
            try {
                lame = io.rawi.internal.NativeStart.load("mp3lame", "libmp3lame.so.0", Lame.class);
            } catch (UnsatisfiedLinkError e) {
                error = "libmp3lame cannot be loaded; install it: apt-get install libmp3lame0";
            }
            LAME = lame;
            ERROR = error;
            VERSION = lame == null ? null : "LAME " + lame.get_lame_version() + " " + BITRATE + "k q" + QUALITY;
        }
    }

    /** Loads libmp3lame once; returns null when it works, else why not. */
    public static String load() {
        return Loaded.ERROR;
    }

    /** @throws ProcessingException when libmp3lame is not installed */
    public Mp3Encoder() throws ProcessingException {
        String error = load();
        if (error != null) {
            throw new ProcessingException("mp3: " + error + " (or use --audio-format wav)");
        }
    }

    @Override
    public String extension() {
        return "mp3";
    }

    @Override
    public String mediaType() {
        return "audio/mpeg";
    }

    @Override
    public String version() {
        return Loaded.VERSION;
    }

    @Override
    public void encode(Processed audio, Tags tags, Path out) throws ProcessingException {
        try (Stream stream = open(audio.sampleRate(), out, Id3.tag(tags, version()))) {
            stream.write(audio.pcm());
            stream.finish();
        }
    }

    /**
     * Starts an MP3 file at {@code out}: {@code header} (an ID3 tag, or nothing) then MPEG frames as samples are
     * written. {@link Stream#finish()} writes the Info frame over the first frame, so the file is gapless.
     */
    public Stream open(int sampleRate, Path out, byte[] header) throws ProcessingException {
        return new Stream(sampleRate, out, header);
    }

    /** An MP3 being encoded, chunk by chunk; not thread-safe. */
    public final class Stream implements AutoCloseable {
        private static final int CHUNK = 1 << 16;
        private final Path out;
        private final Pointer gf;
        private final RandomAccessFile file;
        private final long audioStart;
        private final byte[] buffer = new byte[(int) (1.25 * CHUNK) + 7200];
        private final short[] part = new short[CHUNK];
        private boolean closed;

        private Stream(int sampleRate, Path out, byte[] header) throws ProcessingException {
            this.out = out;
            gf = Loaded.LAME.lame_init();
            if (gf == null) {
                throw new ProcessingException(out + ": LAME could not start");
            }
            try {
                file = new RandomAccessFile(out.toFile(), "rw");
                file.setLength(0);
                Loaded.LAME.lame_set_in_samplerate(gf, sampleRate);
                Loaded.LAME.lame_set_num_channels(gf, 1);
                Loaded.LAME.lame_set_mode(gf, MONO);
                Loaded.LAME.lame_set_VBR(gf, 0);
                Loaded.LAME.lame_set_brate(gf, BITRATE);
                Loaded.LAME.lame_set_quality(gf, QUALITY);
                Loaded.LAME.lame_set_bWriteVbrTag(gf, 1);
                if (Loaded.LAME.lame_init_params(gf) < 0) {
                    throw new ProcessingException(out + ": LAME refused the settings (" + sampleRate + " Hz mono)");
                }
                file.write(header);
                audioStart = header.length;
            } catch (IOException e) {
                Loaded.LAME.lame_close(gf);
                throw new ProcessingException(out + ": cannot write (" + e.getMessage() + ")", e);
            }
        }

        public void write(short[] pcm) throws ProcessingException {
            try {
                for (int at = 0; at < pcm.length; at += CHUNK) {
                    int n = Math.min(CHUNK, pcm.length - at);
                    System.arraycopy(pcm, at, part, 0, n);
                    int written = Loaded.LAME.lame_encode_buffer(gf, part, null, n, buffer, buffer.length); // mono: no right channel
                    if (written < 0) {
                        throw new ProcessingException(out + ": LAME failed while encoding (error " + written + ")");
                    }
                    file.write(buffer, 0, written);
                }
            } catch (IOException e) {
                throw new ProcessingException(out + ": cannot write (" + e.getMessage() + ")", e);
            }
        }

        /** Flushes the encoder and writes the Info frame with the delay and padding. */
        public void finish() throws ProcessingException {
            try {
                int flushed = Loaded.LAME.lame_encode_flush(gf, buffer, buffer.length);
                if (flushed < 0) {
                    throw new ProcessingException(out + ": LAME failed at the end (error " + flushed + ")");
                }
                file.write(buffer, 0, flushed);
                int tag = (int) Loaded.LAME.lame_get_lametag_frame(gf, buffer, buffer.length);
                if (tag > 0) {
                    file.seek(audioStart);
                    file.write(buffer, 0, tag);
                }
            } catch (IOException e) {
                throw new ProcessingException(out + ": cannot write (" + e.getMessage() + ")", e);
            }
        }

        @Override
        public void close() throws ProcessingException {
            if (closed) {
                return;
            }
            closed = true;
            Loaded.LAME.lame_close(gf);
            try {
                file.close();
            } catch (IOException e) {
                throw new ProcessingException(out + ": cannot write (" + e.getMessage() + ")", e);
            }
        }
    }
}
