package io.rawi.narration;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The order in which the narration queues blocks, and what each waits for before it speaks. */
class NarratorScheduleTest {
    @Test
    void blocksToSpeakGoFirstInReadingOrderEachAfterTheOneBefore() {
        Schedule s = Schedule.of(List.of(true, false, true, false, true, false));
        assertEquals(List.of(1, 3, 5, 0, 2, 4), s.order(), "to speak first, then from the cache, each in reading order");
        // block 2 is planned from the cache: if its entry proves damaged, it waits for block 1, the last to be spoken
        // before it; blocks 0 and 1 wait for nothing
        assertArrayEquals(new int[] {-1, -1, 1, 1, 3, 3}, s.after());
    }

    @Test
    void withoutACacheEveryBlockIsSpokenInReadingOrder() {
        Schedule s = Schedule.of(List.of(false, false, false));
        assertEquals(List.of(0, 1, 2), s.order());
        assertArrayEquals(new int[] {-1, 0, 1}, s.after());
    }

    /** A block waits only for one queued before it: nothing can deadlock, however few the threads. */
    @Test
    void everyWaitIsForABlockQueuedEarlier() {
        java.util.Random random = new java.util.Random(6);
        for (int round = 0; round < 1000; round++) {
            List<Boolean> cached = new java.util.ArrayList<>();
            for (int i = random.nextInt(12); i > 0; i--) {
                cached.add(random.nextBoolean());
            }
            Schedule s = Schedule.of(cached);
            assertEquals(cached.size(), s.order().size());
            for (int i = 0; i < cached.size(); i++) {
                int waited = s.after()[i];
                if (waited >= 0) {
                    assertEquals(false, cached.get(waited), "waits for a block planned to be spoken");
                    assertEquals(true, s.order().indexOf(waited) < s.order().indexOf(i), "queued earlier: " + cached);
                }
            }
        }
    }
}
