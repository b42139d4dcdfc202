import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Signal-to-noise ratio (dB) of a decoded 16-bit mono raw file against the original: java Snr.java ORIG.raw DEC.raw */
public class Snr {
    public static void main(String[] args) throws IOException {
        short[] a = read(Path.of(args[0]));
        short[] b = read(Path.of(args[1]));
        int n = Math.min(a.length, b.length);
        double signal = 0, noise = 0;
        for (int i = 0; i < n; i++) {
            signal += (double) a[i] * a[i];
            double d = a[i] - b[i];
            noise += d * d;
        }
        System.out.printf("%.1f%n", 10 * Math.log10(signal / Math.max(1, noise)));
    }

    static short[] read(Path p) throws IOException {
        byte[] bytes = Files.readAllBytes(p);
        short[] s = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
        return s;
    }
}
