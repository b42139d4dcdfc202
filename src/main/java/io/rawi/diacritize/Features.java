package io.rawi.diacritize;

/**
 * The features of one letter, as 64-bit hashes: the letter in windows of its word and the words beside it, the whole
 * word and where the letter stands in it, the marks already chosen for the letters before it, and for the last letter
 * (the case ending) the words beside it. Training and diacritizing call this one method, so they always agree.
 */
final class Features {
    /** At most this many features a letter. */
    static final int MAX = 40;
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    /** Windows around the letter: characters before, characters after. */
    private static final int[][] WINDOWS = {
        {1, 0}, {0, 1}, {1, 1}, {2, 0}, {0, 2}, {2, 1}, {1, 2}, {2, 2}, {3, 0}, {0, 3}, {3, 1}, {1, 3}, {3, 2},
        {2, 3}, {3, 3}, {4, 0}, {0, 4}, {4, 1}, {1, 4}, {4, 4}, {5, 2}, {2, 5}, {6, 1}, {1, 6}
    };

    private Features() {
    }

    /**
     * Writes the features of letter {@code i} of {@code word} into {@code out} and returns how many.
     *
     * @param previous the bare word before, or ""
     * @param next     the bare word after, or ""
     * @param chosen   the classes of the letters before {@code i}
     */
    static int of(String previous, String word, String next, int i, int[] chosen, long[] out) {
        String ctx = previous + ' ' + word + ' ' + next;
        int at = previous.length() + 1 + i;
        int n = word.length();
        int k = 0;
        char c = word.charAt(i);
        out[k++] = mix(mix(OFFSET, 1), c);
        for (int w = 0; w < WINDOWS.length; w++) {
            long h = mix(OFFSET, 100 + w);
            for (int p = at - WINDOWS[w][0]; p <= at + WINDOWS[w][1]; p++) {
                h = mix(h, p < 0 || p >= ctx.length() ? '#' : ctx.charAt(p));
            }
            out[k++] = h;
        }
        long lexical = mix(mix(hash(mix(OFFSET, 2), word), i), n);
        out[k++] = lexical;
        int fromEnd = n - 1 - i;
        out[k++] = mix(mix(mix(OFFSET, 3), Math.min(i, 6)), Math.min(fromEnd, 6)) * 31 + c;
        int y1 = i > 0 ? chosen[i - 1] : 99;
        int y2 = i > 1 ? chosen[i - 2] : 99;
        out[k++] = mix(mix(mix(OFFSET, 4), y1), c);
        out[k++] = mix(mix(mix(mix(OFFSET, 5), y1), y2), c);
        out[k++] = mix(mix(mix(OFFSET, 6), y1), i > 0 ? word.charAt(i - 1) : '^') * 31 + c;
        out[k++] = mix(lexical, 7000 + y1);
        if (fromEnd == 0) {
            out[k++] = hash(mix(lexical, 8), previous);
            out[k++] = hash(mix(lexical, 9), next);
            out[k++] = hash(hash(mix(OFFSET, 10), previous), word.length() > 2 ? word.substring(n - 3) : word);
            out[k++] = hash(hash(mix(OFFSET, 11), next), word.length() > 2 ? word.substring(n - 3) : word);
            out[k++] = hash(mix(mix(OFFSET, 12), c), previous);
        }
        if (i == 0) {
            out[k++] = hash(mix(lexical, 13), previous);
        }
        return k;
    }

    private static long mix(long h, long v) {
        return (h ^ v) * PRIME;
    }

    private static long hash(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = mix(h, s.charAt(i));
        }
        return mix(h, '|');
    }
}
