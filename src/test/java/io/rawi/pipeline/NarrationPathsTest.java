package io.rawi.pipeline;

import io.rawi.TestSupport;
import io.rawi.speech.FakeProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two ways the narration runs: engines that speak side by side have each block planned and spoken as it comes
 * (speaking begins before the whole book is planned), the others have every block planned first and the blocks to
 * speak queued in reading order. Both make the same book, use the cache alike, and stop on a failure.
 */
class NarrationPathsTest {
    @TempDir
    Path dir;

    @AfterEach
    void oneAtATimeAgain() {
        FakeProvider.PARALLEL.set(false);
    }

    private TestSupport.Run convert(Path input, Path out, Path cache, boolean parallel) {
        FakeProvider.PARALLEL.set(parallel);
        List<String> args = new ArrayList<>(List.of("convert", input.toString(), "-o", out.toString(), "--voices",
                TestSupport.fakeVoices().toString(), "--date", TestSupport.DATE, "--cache", cache.toString()));
        return TestSupport.cli(args.toArray(String[]::new));
    }

    @Test
    void sideBySideMakesTheSameBookAndSpeaksOnlyWhatTheCacheLacks() throws Exception {
        Path input = Files.copy(TestSupport.sample(), dir.resolve("library-ar.txt"));
        convert(input, dir.resolve("one"), dir.resolve("cache-one"), false).expect(0);
        int before = FakeProvider.SPOKEN.get();
        convert(input, dir.resolve("side"), dir.resolve("cache-side"), true).expect(0);
        assertEquals(10, FakeProvider.SPOKEN.get() - before, "every block spoken once");
        byte[] book = Files.readAllBytes(dir.resolve("one/library-ar/library-ar.epub"));
        assertArrayEquals(book, Files.readAllBytes(dir.resolve("side/library-ar/library-ar.epub")),
                "the same book, whichever way it was narrated");

        TestSupport.editLine(input, 6, "المكتبة", "المكتبات");
        before = FakeProvider.SPOKEN.get();
        convert(input, dir.resolve("side"), dir.resolve("cache-side"), true).expect(0);
        assertEquals(1, FakeProvider.SPOKEN.get() - before, "only the edited paragraph is spoken again");
        convert(input, dir.resolve("one"), dir.resolve("cache-one"), false).expect(0);
        assertArrayEquals(Files.readAllBytes(dir.resolve("one/library-ar/library-ar.epub")),
                Files.readAllBytes(dir.resolve("side/library-ar/library-ar.epub")), "and the same rebuilt book");
    }

    @Test
    @Timeout(60)
    void aBlockThatFailsStopsTheNarrationEitherWay() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(TestSupport.sample()));
        lines.set(3, lines.get(3) + " " + FakeProvider.BREAKS);
        Path input = Files.write(dir.resolve("library-ar.txt"), lines);
        for (boolean parallel : new boolean[] {true, false}) {
            Path out = dir.resolve("out-" + parallel);
            TestSupport.Run run = convert(input, out, dir.resolve("cache-" + parallel), parallel);
            assertEquals(1, run.code(), run.err());
            assertTrue(run.err().contains("the engine broke"), run.err());
            assertFalse(Files.exists(out.resolve("library-ar/library-ar.epub")), "no book in place of a good one");
        }
    }
}
