package io.rawi.narration;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which blocks are queued, and the block each one waits for before it speaks (-1: none). The blocks
 * to speak go first, in reading order, then those the cache has: speaking starts at once and the cache is read
 * meanwhile. Each block to speak waits for the one to be spoken before it (see {@link Narrator}); a block the cache
 * loses between planning and taking waits for the last one planned to be spoken before it. Every wait is for a
 * block queued earlier, so none can deadlock.
 *
 * @param order reading-order indexes, in the order they are queued
 * @param after for each block, the index of the block it waits for, or -1
 */
record Schedule(List<Integer> order, int[] after) {
    static Schedule of(List<Boolean> cached) {
        List<Integer> order = new ArrayList<>();
        int[] after = new int[cached.size()];
        int last = -1;
        for (int i = 0; i < cached.size(); i++) {
            after[i] = last;
            if (!cached.get(i)) {
                order.add(i);
                last = i;
            }
        }
        for (int i = 0; i < cached.size(); i++) {
            if (cached.get(i)) {
                order.add(i);
            }
        }
        return new Schedule(order, after);
    }
}
