package io.rawi.epub;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A PNG of an RGB image ({@link BufferedImage#TYPE_INT_RGB}): 8 bits a channel, every row with the Sub filter, which
 * turns the cover's rows of one colour into zeros. ImageIO's writer tries five filters on every row: a cold conversion
 * spent 180 ms of processor time writing the cover with it, 31 ms with this (docs/BENCHMARKS.md).
 */
final class Png {
    private Png() {
    }

    static byte[] of(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("an RGB image is expected, not type " + image.getType());
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        try {
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            Deflater deflater = new Deflater(6);
            try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
                byte[] row = new byte[1 + 3 * w];
                row[0] = 1; // Sub: each byte less the same channel of the pixel to its left
                for (int y = 0; y < h; y++) {
                    int r0 = 0;
                    int g0 = 0;
                    int b0 = 0;
                    for (int x = 0, i = 1, p = y * w; x < w; x++, i += 3) {
                        int rgb = pixels[p + x];
                        int r = (rgb >> 16) & 0xff;
                        int g = (rgb >> 8) & 0xff;
                        int b = rgb & 0xff;
                        row[i] = (byte) (r - r0);
                        row[i + 1] = (byte) (g - g0);
                        row[i + 2] = (byte) (b - b0);
                        r0 = r;
                        g0 = g;
                        b0 = b;
                    }
                    z.write(row);
                }
            } finally {
                deflater.end();
            }
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream ihdr = new DataOutputStream(header);
            ihdr.writeInt(w);
            ihdr.writeInt(h);
            ihdr.write(new byte[] {8, 2, 0, 0, 0}); // 8 bits, RGB, deflate, adaptive filtering, not interlaced
            ByteArrayOutputStream out = new ByteArrayOutputStream(idat.size() + 64);
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            chunk(out, "IHDR", header.toByteArray());
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream o = new DataOutputStream(out);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        o.writeInt(data.length);
        o.write(name);
        o.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        o.writeInt((int) crc.getValue());
    }
}
