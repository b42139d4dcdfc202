package io.rawi.pipeline;

import io.rawi.narration.AudioCache;

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
                TestSupport.fakeVoices().toString(), "--date", TestSupport.DATE));
        if (!List.of(extra).contains("--no-cache")) {
            args.addAll(List.of("--cache", cache.toString()));
        }
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
        assertEquals(10, convert(input, dir.resolve("a"), cache), "every block spoken once");
        assertEquals(0, convert(input, dir.resolve("b"), cache), "all from the cache");
        byte[] first = Files.readAllBytes(dir.resolve("a/library-ar/library-ar.epub"));
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("b/library-ar/library-ar.epub")),
                "a book from the cache is the same book");
        TestSupport.editLine(input, 2, "المتواصل", "الدؤوب");
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

    /**
     * An entry's index that was cut short in the middle of a line, or has a field that is not a number, or a line of
     * a kind it never holds, is an entry lost: that paragraph is spoken again, and the book is the same.
     */
    @Test
    void aDamagedIndexIsDetectedAndMadeAgain() throws Exception {
        Path cache = dir.resolve("cache");
        convert(TestSupport.sample(), dir.resolve("a"), cache);
        List<Path> indexes;
        try (Stream<Path> walk = Files.walk(cache)) {
            indexes = walk.filter(p -> p.getFileName().toString().equals("index")).sorted().toList();
        }
        String cut = Files.readString(indexes.get(1));
        Files.writeString(indexes.get(1), cut.substring(0, cut.lastIndexOf(' ', cut.length() - 2)));
        Files.writeString(indexes.get(4), Files.readString(indexes.get(4)).replaceFirst("duration \\d+", "duration x"));
        Files.writeString(indexes.get(6), Files.readString(indexes.get(6)).replaceFirst("\nS ", "\nQ "));
        assertEquals(3, convert(TestSupport.sample(), dir.resolve("b"), cache), "the three damaged entries");
        TestSupport.assertSameFiles(dir.resolve("a/library-ar"), dir.resolve("b/library-ar"));
        assertEquals(0, convert(TestSupport.sample(), dir.resolve("c"), cache), "and stored again");
    }

    /**
     * Every part of an entry is covered: an in-range edit of a sentence's end (only the index's checksum sees it), an
     * end far past the audio with the checksum made to match, the duration, the checksum line itself, the index
     * removed, the index made a folder, the entry made a file. Each damaged entry is spoken again with one line saying
     * so, the book is the same, and the entries are stored again (the next run speaks nothing).
     */
    @Test
    void everyPartOfAnEntryIsCoveredAndADamagedEntryIsRepaired() throws Exception {
        Path cache = dir.resolve("cache");
        convert(TestSupport.sample(), dir.resolve("a"), cache);
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(cache)) {
            entries = walk.filter(p -> Files.isRegularFile(p.resolve("index"))).sorted().toList();
        }
        assertEquals(10, entries.size());
        // 0: a sentence ends one millisecond later, nothing else changed
        edit(entries.get(0), t -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\nS (\\S+) (\\d+) (\\d+) ").matcher(t);
            assertTrue(m.find(), t);
            return t.substring(0, m.start(3)) + (Long.parseLong(m.group(3)) - 1) + t.substring(m.end(3));
        });
        // 1: a sentence ends at 911,970 ms, the index's checksum recomputed to match
        edit(entries.get(1), t -> {
            String body = t.substring(0, t.lastIndexOf("check "));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\nS (\\S+) (\\d+) (\\d+) ").matcher(body);
            assertTrue(m.find(), t);
            body = body.substring(0, m.start(3)) + "911970" + body.substring(m.end(3));
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            crc.update(bytes);
            return body + "check crc32c:" + Long.toHexString(crc.getValue()) + ":" + bytes.length + "\n";
        });
        edit(entries.get(2), t -> t.replaceFirst("duration (\\d)", "duration 9$1"));
        edit(entries.get(3), t -> t.replaceFirst("check crc32c:.", "check crc32c:0"));
        Files.delete(entries.get(4).resolve("index"));
        Files.delete(entries.get(5).resolve("index"));
        Files.createDirectory(entries.get(5).resolve("index"));
        TestSupport.deleteTree(entries.get(6));
        Files.writeString(entries.get(6), "not an entry");
        List<String> args = List.of("convert", TestSupport.sample().toString(), "-o", dir.resolve("b").toString(),
                "--voices", TestSupport.fakeVoices().toString(), "--date", TestSupport.DATE, "--cache", cache.toString());
        int before = FakeProvider.SPOKEN.get();
        TestSupport.Run run = TestSupport.cli(args.toArray(String[]::new)).expect(0);
        assertEquals(7, FakeProvider.SPOKEN.get() - before, run.err());
        List<String> notes = run.err().lines().filter(l -> l.contains("cache entry of")).toList();
        assertEquals(7, notes.size(), run.err());
        for (String why : List.of("does not match its checksum", "lies outside the audio", "its index is missing",
                "its index is not a file", "a file where the entry's folder should be")) {
            assertTrue(notes.stream().anyMatch(n -> n.contains(why)), why + " in\n" + run.err());
        }
        TestSupport.assertSameFiles(dir.resolve("a/library-ar"), dir.resolve("b/library-ar"));
        assertEquals(0, convert(TestSupport.sample(), dir.resolve("c"), cache), "every entry stored again");
    }

    private static void edit(Path entry, java.util.function.UnaryOperator<String> change) throws Exception {
        Path index = entry.resolve("index");
        String before = Files.readString(index);
        String after = change.apply(before);
        assertFalse(before.equals(after), "the edit changes the index");
        Files.writeString(index, after);
    }

    @Test
    void noCacheAndSizeLimit() throws Exception {
        Path cache = dir.resolve("cache");
        assertEquals(10, convert(TestSupport.sample(), dir.resolve("a"), cache, "--no-cache"));
        assertFalse(Files.exists(cache), "--no-cache writes no cache");
        convert(TestSupport.sample(), dir.resolve("b"), cache, "--cache-size", "1");
        long size;
        try (Stream<Path> walk = Files.walk(cache)) {
            size = walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertTrue(size <= 1 << 20, "the cache is trimmed to its limit: " + size);
        assertFalse(cachedAudio(cache).isEmpty(), "the most recent entries stay");
    }

    /**
     * A trim scans the whole cache only when the size its last scan found, plus what runs stored since, nears the
     * limit, or that scan is an hour old: the ledger counts what each run stores, and a scan corrects it. A first run
     * into an empty cache needs no scan at all: what it stored is the whole cache.
     */
    @Test
    void theSizeLedgerSparesAScanUntilTheLimitNears() throws Exception {
        Path cache = dir.resolve("cache");
        convert(TestSupport.sample(), dir.resolve("a"), cache);
        long size = cacheBytes(cache);
        long[] first = ledger(cache);
        assertEquals(size, first[1], "a first run into an empty cache writes what it stored, which is the cache");
        // an edited paragraph: one entry stored, counted without a scan (the scan's time is kept)
        Path edited = dir.resolve("edited.txt");
        Files.writeString(edited, Files.readString(TestSupport.sample()).replaceFirst("\\.", " اليوم."));
        assertEquals(1, convert(edited, dir.resolve("b"), cache));
        long[] second = ledger(cache);
        assertEquals(first[0], second[0], "no second scan");
        assertEquals(cacheBytes(cache), second[1], "what the run stored is added");
        // a ledger that says the cache is small while it is not (two runs that missed each other's bytes) is trusted
        // only for an hour: then a scan finds the true size and trims
        Files.writeString(cache.resolve(AudioCache.LEDGER), "scanned " + (System.currentTimeMillis() - 7_200_000)
                + " bytes 10\n");
        convert(TestSupport.sample(), dir.resolve("c"), cache, "--cache-size", "1");
        assertTrue(cacheBytes(cache) <= 1 << 20, "trimmed to the limit: " + cacheBytes(cache));
        assertEquals(cacheBytes(cache), ledger(cache)[1]);
        // a damaged ledger only means a scan
        Files.writeString(cache.resolve(AudioCache.LEDGER), "garbage");
        convert(TestSupport.sample(), dir.resolve("d"), cache);
        assertEquals(cacheBytes(cache), ledger(cache)[1]);
    }

    /** The bytes of the cache's audio entries (the folders with an index; not the ledger, not the covers). */
    private static long cacheBytes(Path cache) throws Exception {
        try (Stream<Path> walk = Files.walk(cache)) {
            return walk.filter(Files::isRegularFile).filter(p -> Files.isRegularFile(p.resolveSibling("index")))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static long[] ledger(Path cache) throws Exception {
        String[] f = Files.readString(cache.resolve(AudioCache.LEDGER)).strip().split(" ");
        return new long[] {Long.parseLong(f[1]), Long.parseLong(f[3])};
    }

    /**
     * The paragraphs the cache does not have are spoken in reading order while the others are taken from it (see
     * {@link io.rawi.narration.NarratorScheduleTest}); a paragraph whose entry proves damaged only when it is taken is spoken too (after
     * those planned before it); and the book is the one a run without the cache makes.
     */
    @Test
    void editedParagraphsAreSpokenInReadingOrderAndADamagedEntryIsSpokenToo() throws Exception {
        Path input = Files.copy(TestSupport.sample(), dir.resolve("library-ar.txt"));
        Path cache = dir.resolve("cache");
        convert(input, dir.resolve("a"), cache);
        // damage the entry of p0005: the one whose audio is that file's
        byte[] p5 = Files.readAllBytes(dir.resolve("a/library-ar/audio/p0005.mp3"));
        Path entry = null;
        for (Path audio : cachedAudio(cache)) {
            if (java.util.Arrays.equals(Files.readAllBytes(audio), p5)) {
                entry = audio;
            }
        }
        assertTrue(entry != null, "p0005 is in the cache");
        byte[] damaged = p5.clone();
        damaged[damaged.length / 2] ^= 0x55;
        Files.write(entry, damaged);
        List<String> lines = Files.readAllLines(input);
        lines.set(2, lines.get(2) + " وانتهى.");
        lines.set(8, lines.get(8) + " وانتهى.");
        Files.write(input, lines);
        FakeProvider.ORDER.clear();
        assertEquals(3, convert(input, dir.resolve("b"), cache), "two edits and the damaged entry");
        List<String> spoken = List.copyOf(FakeProvider.ORDER);
        assertEquals(java.util.Set.of("p0002s01", "p0005s01", "p0008s01"), java.util.Set.copyOf(spoken), spoken.toString());
        assertTrue(spoken.indexOf("p0002s01") < spoken.indexOf("p0008s01"), "in reading order: " + spoken);
        assertTrue(spoken.indexOf("p0002s01") < spoken.indexOf("p0005s01"), "after the planned ones before it: " + spoken);
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/library-ar/audio/p0001.mp3")),
                Files.readAllBytes(dir.resolve("b/library-ar/audio/p0001.mp3")), "taken from the cache as it was");
        assertEquals(3, convert(input, dir.resolve("c"), dir.resolve("other-cache"), "--no-cache") - 7,
                "a run without the cache speaks all 10 (the heading repeats the title: not narrated)");
        TestSupport.assertSameFiles(dir.resolve("c/library-ar"), dir.resolve("b/library-ar"));
    }

    /**
     * With WAV in the book folder, an entry holds two files (the WAV and the EPUB's MP3), and the WAV is written out
     * before the MP3 is checked: when the MP3 is damaged, the paragraph is spoken again and the book is the same as
     * before (the WAV written from the damaged entry is overwritten).
     */
    @Test
    void anEntryDamagedInItsSecondFileIsMadeAgain() throws Exception {
        Path cache = dir.resolve("cache");
        assertEquals(10, convert(TestSupport.sample(), dir.resolve("a"), cache, "--audio-format", "wav"));
        List<Path> mp3s;
        try (Stream<Path> walk = Files.walk(cache)) {
            mp3s = walk.filter(p -> p.getFileName().toString().equals("epub.mp3")).sorted().toList();
        }
        assertEquals(10, mp3s.size(), "each entry has the EPUB's MP3: " + mp3s);
        byte[] bytes = Files.readAllBytes(mp3s.get(3));
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(mp3s.get(3), bytes);
        assertEquals(1, convert(TestSupport.sample(), dir.resolve("b"), cache, "--audio-format", "wav"));
        TestSupport.assertSameFiles(dir.resolve("a/library-ar"), dir.resolve("b/library-ar"));
    }

    /**
     * A rebuild into the same folder links each unchanged file of the book it replaces instead of writing it again
     * (replacing that book then frees nothing), but only a file that still holds exactly what the cache holds: one
     * altered since is not linked, and the new book has the cache's bytes. No file of a book is ever a link into the
     * cache.
     */
    @Test
    void aRebuildLinksTheUnchangedFilesOfTheBookItReplacesIfIntact() throws Exception {
        Path input = Files.copy(TestSupport.sample(), dir.resolve("library-ar.txt"));
        Path cache = dir.resolve("cache");
        Path out = dir.resolve("out");
        convert(input, out, cache);
        Path audio = out.resolve("library-ar/audio");
        Object p1 = Files.getAttribute(audio.resolve("p0001.mp3"), "unix:ino");
        Object p2 = Files.getAttribute(audio.resolve("p0002.mp3"), "unix:ino");
        byte[] p3 = Files.readAllBytes(audio.resolve("p0003.mp3"));
        byte[] altered = p3.clone();
        altered[altered.length / 2] ^= 0x55; // as a tag editor writing in place would
        Files.write(audio.resolve("p0003.mp3"), altered);
        List<String> lines = Files.readAllLines(input);
        lines.set(2, lines.get(2) + " وانتهى.");
        Files.write(input, lines);
        assertEquals(1, convert(input, out, cache), "only the edited paragraph is spoken");
        assertEquals(p1, Files.getAttribute(audio.resolve("p0001.mp3"), "unix:ino"), "unchanged: linked");
        assertFalse(p2.equals(Files.getAttribute(audio.resolve("p0002.mp3"), "unix:ino")), "edited: a new file");
        assertArrayEquals(p3, Files.readAllBytes(audio.resolve("p0003.mp3")), "altered: the cache's bytes again");
        assertEquals(1, (int) Files.getAttribute(audio.resolve("p0001.mp3"), "unix:nlink"),
                "the replaced book is gone: the link is the file's only name");
        for (Path entry : cachedAudio(cache)) {
            assertEquals(1, (int) Files.getAttribute(entry, "unix:nlink"), "no book file is a link into the cache");
        }
        TestSupport.assertValid(out.resolve("library-ar/library-ar.epub"));
    }
}
