package io.rawi.speech;

import com.sun.jna.Memory;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The samples of a synthesis as the library's callbacks hand them over, across the slot's blocks and syntheses. */
class EspeakCollectorTest {
    /** Hands {@code pcm} to a collector in callbacks of the given sizes, the way the library's buffer is read. */
    private static short[] collect(EspeakSlot slot, short[] pcm, int... callbacks) {
        EspeakCollector c = new EspeakCollector(slot);
        int at = 0;
        for (int i = 0; at < pcm.length; i++) {
            int n = Math.min(callbacks[i % callbacks.length], pcm.length - at);
            Memory buffer = new Memory(2L * n);
            buffer.write(0, pcm, at, n);
            c.add(buffer, n);
            at += n;
        }
        assertEquals(pcm.length, c.samples);
        return c.pcm();
    }

    private static short[] random(int n, long seed) {
        Random r = new Random(seed);
        short[] pcm = new short[n];
        for (int i = 0; i < n; i++) {
            pcm[i] = (short) r.nextInt();
        }
        return pcm;
    }

    @Test
    void samplesComeOutAsTheyWentInWhateverTheCallbacksAndBlocks() {
        EspeakSlot slot = new EspeakSlot(0);
        int block = EspeakCollector.BLOCK;
        for (int n : new int[] {0, 1, block - 1, block, block + 1, 3 * block + 17}) {
            short[] pcm = random(n, n);
            assertArrayEquals(pcm, collect(slot, pcm, 44_100), n + " samples in callbacks of 44,100");
            assertArrayEquals(pcm, collect(slot, pcm, 1, block - 1, 7, block + 3), n + " samples in uneven callbacks");
        }
    }

    @Test
    void aLongSynthesisDoesNotLeaveItsBlocksBehindNorSpoilTheNext() {
        EspeakSlot slot = new EspeakSlot(0);
        short[] tenMinutes = random(22_050 * 600, 1);
        assertArrayEquals(tenMinutes, collect(slot, tenMinutes, 44_100));
        assertTrue(slot.heard.size() * (long) EspeakCollector.BLOCK <= 1 << 21,
                "kept " + slot.heard.size() + " blocks after a ten-minute paragraph");
        short[] next = random(EspeakCollector.BLOCK + 5, 2); // shorter than what the blocks held: nothing of it shows
        assertArrayEquals(next, collect(slot, next, 2_000));
    }
}
