package io.rawi.audio;

import io.rawi.error.ProcessingException;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Uncompressed 16-bit mono WAV. WAV is not an EPUB core media type, so a book made with {@code --audio-format wav}
 * keeps WAV files in its {@code audio/} folder and carries MP3 inside the EPUB.
 */
public final class WavEncoder implements AudioEncoder {
    @Override
    public String extension() {
        return "wav";
    }

    @Override
    public String mediaType() {
        return "audio/wav";
    }

    @Override
    public String version() {
        return "wav-pcm16";
    }

    @Override
    public void encode(Processed audio, Tags tags, Path out) throws ProcessingException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out))) {
            write(os, audio.pcm(), audio.sampleRate());
        } catch (IOException e) {
            throw new ProcessingException(out + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    /** Writes a RIFF WAVE header and the samples. */
    public static void write(OutputStream os, short[] pcm, int rate) throws IOException {
        int data = pcm.length * 2;
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(36 + data).put(new byte[] {'W', 'A', 'V', 'E'});
        h.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        h.put(new byte[] {'d', 'a', 't', 'a'}).putInt(data);
        os.write(h.array());
        ByteBuffer b = ByteBuffer.allocate(data).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : pcm) {
            b.putShort(s);
        }
        os.write(b.array());
    }
}
