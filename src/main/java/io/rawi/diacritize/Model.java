package io.rawi.diacritize;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The weights of an averaged perceptron over {@link Features}, kept sparse: per feature only the classes whose weight
 * is not zero, as 16-bit integers. The model is laid out as it is used, so that a file of it is mapped into memory and
 * read in place (a conversion that speaks one paragraph reads only the pages it touches, instead of parsing the whole
 * model first): a header, an open-addressing table of slots (a 32-bit key taken from the feature's 64-bit hash, and
 * where its weights are), then the weights (a count, then class and weight for each). Little-endian. Its weights
 * never change; safe to share between threads.
 *
 * <p>Read in place, a lookup goes through the buffer's accessors and a page of the mapping at a time, which the quick
 * compiler leaves slow: once a model has scored {@link #IN_ARRAYS_AFTER} letters it copies itself into arrays on the
 * heap (12.6 MB for the shipped model) and scores about 1.6 times as fast from them (the same sums, in the same
 * order). A rebuild that vowels one paragraph never gets there; a book does within its first few paragraphs.
 */
final class Model {
    private static final int MAGIC = 0x52415744; // "RAWD"
    private static final int VERSION = 2;
    private static final int HEADER = 16;
    private static final int SLOT = 8;
    private static final int PAIR = 3;

    /** Letters scored from the buffer before the model is copied into arrays: about a dozen paragraphs. */
    static final int IN_ARRAYS_AFTER = 20_000;

    private final ByteBuffer data;
    private final int mask;
    private final int features;
    /** The model in arrays once made, else null: published whole by the volatile write. */
    private volatile Arrays arrays;
    /** Letters scored from the buffer; counted without a lock, so only about: it only decides when to copy. */
    private int scored;

    /**
     * The slots as pairs of ints (key, where the weights are, counted from the start of {@code weights}) and the
     * weights as they are in the model.
     */
    private record Arrays(int[] slots, byte[] weights) {
    }

    private Model(ByteBuffer data) throws IOException {
        this.data = data.order(ByteOrder.LITTLE_ENDIAN);
        if (data.capacity() < HEADER || data.getInt(0) != MAGIC || data.getInt(4) != VERSION) {
            throw new IOException("not a rawi diacritizer model of version " + VERSION);
        }
        int capacity = data.getInt(8);
        if (Integer.bitCount(capacity) != 1 || HEADER + (long) capacity * SLOT > data.capacity()) {
            throw new IOException("a damaged diacritizer model");
        }
        this.mask = capacity - 1;
        this.features = data.getInt(12);
    }

    /** Adds the weights of {@code n} features to {@code scores} (one per class, cleared first). */
    void score(long[] hashes, int n, float[] scores) {
        Arrays a = arrays;
        if (a != null) {
            score(a, hashes, n, scores);
            return;
        }
        if (++scored > IN_ARRAYS_AFTER) {
            score(inArrays(), hashes, n, scores);
            return;
        }
        java.util.Arrays.fill(scores, 0);
        for (int f = 0; f < n; f++) {
            long h = hashes[f];
            int key = key(h);
            for (int s = slot(h, mask); ; s = (s + 1) & mask) {
                int at = HEADER + s * SLOT;
                int k = data.getInt(at);
                if (k == 0) {
                    break;
                }
                if (k == key) {
                    int p = data.getInt(at + 4);
                    int count = data.get(p) & 0xFF;
                    for (int i = 0, q = p + 1; i < count; i++, q += PAIR) {
                        scores[data.get(q)] += data.getShort(q + 1);
                    }
                    break;
                }
            }
        }
    }

    /** {@link #score} from the arrays: the same lookups and sums as from the buffer. */
    private void score(Arrays a, long[] hashes, int n, float[] scores) {
        java.util.Arrays.fill(scores, 0);
        int[] slots = a.slots();
        byte[] w = a.weights();
        for (int f = 0; f < n; f++) {
            long h = hashes[f];
            int key = key(h);
            for (int s = slot(h, mask); ; s = (s + 1) & mask) {
                int k = slots[2 * s];
                if (k == 0) {
                    break;
                }
                if (k == key) {
                    int p = slots[2 * s + 1];
                    int count = w[p] & 0xFF;
                    for (int i = 0, q = p + 1; i < count; i++, q += PAIR) {
                        scores[w[q]] += (short) ((w[q + 1] & 0xFF) | (w[q + 2] << 8));
                    }
                    break;
                }
            }
        }
    }

    /** The model in arrays, made by the first thread to ask (the others wait for it). */
    private synchronized Arrays inArrays() {
        if (arrays == null) {
            int table = HEADER + (mask + 1) * SLOT;
            int[] slots = new int[2 * (mask + 1)];
            data.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(HEADER).limit(table).asIntBuffer().get(slots);
            for (int i = 1; i < slots.length; i += 2) {
                slots[i] -= table;
            }
            byte[] weights = new byte[data.capacity() - table];
            data.duplicate().position(table).get(weights);
            arrays = new Arrays(slots, weights);
        }
        return arrays;
    }

    /** Whether the model has copied itself into arrays (see {@link #IN_ARRAYS_AFTER}). */
    boolean inArraysYet() {
        return arrays != null;
    }

    /** The CRC-32 of the model's bytes: which model this is. */
    long checksum() {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data.duplicate().clear());
        return crc.getValue();
    }

    /** How many features have weights. */
    int size() {
        return features;
    }

    private static int key(long h) {
        int k = (int) (h >>> 32);
        return k == 0 ? 1 : k;
    }

    private static int slot(long h, int mask) {
        return (int) ((h * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }

    /**
     * A model from weights in feature order: {@code keys} the features' hashes, distinct, {@code dense} holding
     * {@link Marks#CLASSES} weights a feature. Weights are scaled to 16 bits; those that round to 0 are dropped, and
     * so are features left with none. The same weights give the same bytes.
     */
    static Model of(long[] keys, float[] dense) {
        float max = 0;
        for (float w : dense) {
            max = Math.max(max, Math.abs(w));
        }
        float scale = max == 0 ? 1 : 32767 / max;
        int kept = 0;
        int pairs = 0;
        for (int r = 0; r < keys.length; r++) {
            int here = 0;
            for (int c = 0; c < Marks.CLASSES; c++) {
                here += Math.round(dense[r * Marks.CLASSES + c] * scale) != 0 ? 1 : 0;
            }
            kept += here > 0 ? 1 : 0;
            pairs += here;
        }
        int capacity = Integer.highestOneBit(Math.max(16, kept * 2 - 1)) << 1;
        int table = HEADER + capacity * SLOT;
        ByteBuffer b = ByteBuffer.allocate(table + kept + pairs * PAIR).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, MAGIC).putInt(4, VERSION).putInt(8, capacity).putInt(12, kept);
        int p = table;
        for (int r = 0; r < keys.length; r++) {
            int start = p;
            p++;
            for (int c = 0; c < Marks.CLASSES; c++) {
                int w = Math.round(dense[r * Marks.CLASSES + c] * scale);
                if (w != 0) {
                    b.put(p, (byte) c).putShort(p + 1, (short) w);
                    p += PAIR;
                }
            }
            if (p == start + 1) {
                p = start;
                continue;
            }
            b.put(start, (byte) ((p - start - 1) / PAIR));
            int key = key(keys[r]);
            int s = slot(keys[r], capacity - 1);
            while (b.getInt(HEADER + s * SLOT) != 0) {
                s = (s + 1) & (capacity - 1);
            }
            b.putInt(HEADER + s * SLOT, key).putInt(HEADER + s * SLOT + 4, start);
        }
        try {
            return new Model(b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the model's bytes. */
    void write(OutputStream out) throws IOException {
        ByteBuffer b = data.duplicate();
        b.clear();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        out.write(bytes);
    }

    /** The model in {@code file}, mapped into memory, not read. */
    static Model map(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return new Model(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()));
        }
    }

    /** A model from its bytes. */
    static Model of(byte[] bytes) throws IOException {
        return new Model(ByteBuffer.wrap(bytes));
    }
}
