package io.rawi.diacritize;

import java.util.Arrays;

/** An open-addressing map from non-zero longs to ints (0 for absent), for training's millions of feature keys. */
final class LongIntMap {
    private long[] keys = new long[1 << 16];
    private int[] values = new int[1 << 16];
    private int size;

    /** A key this map can hold: 0 marks an empty slot, so 0 is stored as 1. */
    static long nonZero(long key) {
        return key == 0 ? 1 : key;
    }

    int get(long key) {
        int mask = keys.length - 1;
        for (int s = slot(key, mask); keys[s] != 0; s = (s + 1) & mask) {
            if (keys[s] == key) {
                return values[s];
            }
        }
        return 0;
    }

    void put(long key, int value) {
        int s = find(key); // may grow the arrays: look them up after
        values[s] = value;
    }

    void add(long key, int delta) {
        int s = find(key);
        values[s] += delta;
    }

    long[] keysWithAtLeast(int min) {
        long[] out = new long[size];
        int n = 0;
        for (int s = 0; s < keys.length; s++) {
            if (keys[s] != 0 && values[s] >= min) {
                out[n++] = keys[s];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private int find(long key) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int s = slot(key, mask);
        while (keys[s] != 0 && keys[s] != key) {
            s = (s + 1) & mask;
        }
        if (keys[s] == 0) {
            keys[s] = key;
            size++;
        }
        return s;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int s = slot(oldKeys[i], mask);
                while (keys[s] != 0) {
                    s = (s + 1) & mask;
                }
                keys[s] = oldKeys[i];
                values[s] = oldValues[i];
            }
        }
    }

    private static int slot(long key, int mask) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    }
}
