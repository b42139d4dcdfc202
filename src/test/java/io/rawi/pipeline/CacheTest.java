package io.rawi.pipeline;

import io.rawi.TestSupport;
import io.rawi.speech.FakeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cache of narrated paragraphs, with the deterministic tone backend (which counts what it speaks). */
class CacheTest {
    @TempDir
    Path dir;

    private int convert(Path input, Path out, Path cache, String... extra) {
        int before = FakeProvider.SPOKEN.get();
        List<String> args = new ArrayList<>(List.of("convert", input.toString(), "-o", out.toString(), "--voices",
                TestSupport.fakeVoices().toString(), "--date", TestSupport.DATE, "--cache", cache.toString()));
        args.addAll(List.of(extra));
        TestSupport.cli(args.toArray(String[]::new)).expect(0);
        return FakeProvider.SPOKEN.get() - before;
    }

    private List<Path> cachedAudio(Path cache) throws Exception {
        try (Stream<Path> walk = Files.walk(cache)) {
            return walk.filter(p -> p.getFileName().toString().startsWith("audio.")).sorted().toList();
        }
    }

    @Test
    void aSecondRunSpeaksNothingAndAOneParagraphEditSpeaksOneParagraph() throws Exception {
        Path input = Files.copy(TestSupport.sample(), dir.resolve("library-ar.txt"));
        Path cache = dir.resolve("cache");
        assertEquals(11, convert(input, dir.resolve("a"), cache), "every block spoken once");
        assertEquals(0, convert(input, dir.resolve("b"), cache), "all from the cache");
        byte[] first = Files.readAllBytes(dir.resolve("a/library-ar/library-ar.epub"));
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("b/library-ar/library-ar.epub")),
                "a book from the cache is the same book");
        List<String> lines = Files.readAllLines(input);
        String edited = lines.get(2).replace("المتواصل", "الدؤوب");
        assertFalse(edited.equals(lines.get(2)));
        lines.set(2, edited);
        Files.write(input, lines);
        assertEquals(1, convert(input, dir.resolve("c"), cache), "exactly the edited paragraph is spoken again");
        TestSupport.assertValid(dir.resolve("c/library-ar/library-ar.epub"));
    }

    @Test
    void aCorruptEntryIsDetectedAndMadeAgain() throws Exception {
        Path cache = dir.resolve("cache");
        convert(TestSupport.sample(), dir.resolve("a"), cache);
        Path damaged = cachedAudio(cache).get(0);
        byte[] bytes = Files.readAllBytes(damaged);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(damaged, bytes);
        assertEquals(1, convert(TestSupport.sample(), dir.resolve("b"), cache), "only the damaged entry is redone");
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/library-ar/library-ar.epub")),
                Files.readAllBytes(dir.resolve("b/library-ar/library-ar.epub")));
        assertEquals(0, convert(TestSupport.sample(), dir.resolve("c"), cache), "and stored again");
    }

    @Test
    void noCacheAndSizeLimit() throws Exception {
        Path cache = dir.resolve("cache");
        assertEquals(11, convert(TestSupport.sample(), dir.resolve("a"), cache, "--no-cache"));
        assertFalse(Files.exists(cache), "--no-cache writes no cache");
        convert(TestSupport.sample(), dir.resolve("b"), cache, "--cache-size", "1");
        long size;
        try (Stream<Path> walk = Files.walk(cache)) {
            size = walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertTrue(size <= 1 << 20, "the cache is trimmed to its limit: " + size);
        assertFalse(cachedAudio(cache).isEmpty(), "the most recent entries stay");
    }
}
