package io.rawi.diacritize;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The weights of an averaged perceptron over {@link Features}, kept sparse: per feature only the classes whose weight
 * is not zero, as 16-bit integers. Immutable once read; safe to share between threads.
 */
final class Model {
    private static final int MAGIC = 0x52415744; // "RAWD"
    private static final int VERSION = 1;

    private final long[] keys;      // open addressing; 0 is empty
    private final int[] rows;       // the row of the feature in keys[slot]
    private final int[] start;      // row r's pairs are start[r] until start[r + 1]
    private final byte[] classes;
    private final short[] weights;

    private Model(long[] sortedKeys, int[] start, byte[] classes, short[] weights) {
        int capacity = Integer.highestOneBit(Math.max(16, sortedKeys.length * 2 - 1)) << 1;
        this.keys = new long[capacity];
        this.rows = new int[capacity];
        for (int r = 0; r < sortedKeys.length; r++) {
            int slot = slot(sortedKeys[r], capacity);
            while (keys[slot] != 0) {
                slot = (slot + 1) & (capacity - 1);
            }
            keys[slot] = sortedKeys[r];
            rows[slot] = r;
        }
        this.start = start;
        this.classes = classes;
        this.weights = weights;
    }

    /** Adds the weights of {@code n} features to {@code scores} (one per class, cleared first). */
    void score(long[] features, int n, float[] scores) {
        java.util.Arrays.fill(scores, 0);
        int mask = keys.length - 1;
        for (int f = 0; f < n; f++) {
            long key = nonZero(features[f]);
            int slot = slot(key, keys.length);
            while (keys[slot] != 0) {
                if (keys[slot] == key) {
                    int r = rows[slot];
                    for (int p = start[r]; p < start[r + 1]; p++) {
                        scores[classes[p]] += weights[p];
                    }
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    /** How many features have weights. */
    int size() {
        return start.length - 1;
    }

    static long nonZero(long key) {
        return key == 0 ? 1 : key;
    }

    private static int slot(long key, int capacity) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & (capacity - 1);
    }

    /**
     * A model from weights in feature order: {@code sortedKeys} ascending and distinct, {@code dense} holding
     * {@link Marks#CLASSES} weights a feature. Weights are scaled to 16 bits; those that round to 0 are dropped, and
     * so are features left with none.
     */
    static Model of(long[] sortedKeys, float[] dense) {
        float max = 0;
        for (float w : dense) {
            max = Math.max(max, Math.abs(w));
        }
        float scale = max == 0 ? 1 : 32767 / max;
        int kept = 0;
        int pairs = 0;
        for (int r = 0; r < sortedKeys.length; r++) {
            int here = 0;
            for (int c = 0; c < Marks.CLASSES; c++) {
                if (Math.round(dense[r * Marks.CLASSES + c] * scale) != 0) {
                    here++;
                }
            }
            if (here > 0) {
                kept++;
                pairs += here;
            }
        }
        long[] keys = new long[kept];
        int[] start = new int[kept + 1];
        byte[] classes = new byte[pairs];
        short[] weights = new short[pairs];
        int row = 0;
        int p = 0;
        for (int r = 0; r < sortedKeys.length; r++) {
            int first = p;
            for (int c = 0; c < Marks.CLASSES; c++) {
                int w = Math.round(dense[r * Marks.CLASSES + c] * scale);
                if (w != 0) {
                    classes[p] = (byte) c;
                    weights[p++] = (short) w;
                }
            }
            if (p > first) {
                keys[row] = sortedKeys[r];
                start[++row] = p;
            }
        }
        return new Model(keys, start, classes, weights);
    }

    /** Writes the model, gzipped. Keys are written in ascending order, so equal models give equal bytes. */
    void write(OutputStream out) throws IOException {
        int n = size();
        // rows are numbered in ascending key order
        long[] byRow = new long[n];
        for (int s = 0; s < keys.length; s++) {
            if (keys[s] != 0) {
                byRow[rows[s]] = keys[s];
            }
        }
        GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(9);
            }
        };
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(n);
        data.writeInt(classes.length);
        long last = 0;
        for (int r = 0; r < n; r++) {
            long key = byRow[r];
            writeVarLong(data, key - last);
            last = key;
            data.writeByte(start[r + 1] - start[r]);
            for (int p = start[r]; p < start[r + 1]; p++) {
                data.writeByte(classes[p]);
                data.writeShort(weights[p]);
            }
        }
        data.flush();
        gz.finish();
    }

    /** Reads a model written by {@link #write}. */
    static Model read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
        if (data.readInt() != MAGIC || data.readInt() != VERSION) {
            throw new IOException("not a rawi diacritizer model of version " + VERSION);
        }
        int n = data.readInt();
        int pairs = data.readInt();
        long[] keys = new long[n];
        int[] start = new int[n + 1];
        byte[] classes = new byte[pairs];
        short[] weights = new short[pairs];
        long last = 0;
        int p = 0;
        for (int r = 0; r < n; r++) {
            last += readVarLong(data);
            keys[r] = last;
            int count = data.readUnsignedByte();
            for (int i = 0; i < count; i++) {
                classes[p] = data.readByte();
                weights[p++] = data.readShort();
            }
            start[r + 1] = p;
        }
        return new Model(keys, start, classes, weights);
    }

    private static void writeVarLong(DataOutputStream out, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    private static long readVarLong(DataInputStream in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("bad number in the diacritizer model");
    }
}
