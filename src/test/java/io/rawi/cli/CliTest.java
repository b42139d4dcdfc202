package io.rawi.cli;

import io.rawi.TestSupport;
import io.rawi.TestSupport.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static io.rawi.TestSupport.cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {
    @TempDir
    Path dir;

    /** One line on stderr naming the file, the expected exit code, no stack trace. */
    private static void assertOneLine(Run r, int code, String file, String problem) {
        r.expect(code);
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), () -> "one line on stderr, got:\n" + err);
        assertTrue(err.contains(file), err);
        assertTrue(err.contains(problem), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    }

    @Test
    void helpAndVersion() {
        Run r = cli("--help").expect(0);
        assertTrue(r.out().contains("convert") && r.out().contains("clean") && r.out().contains("check")
                && r.out().contains("voices"), r.out());
        assertTrue(cli("convert", "--help").expect(0).out().contains("--sync"));
        assertTrue(cli("clean", "--help").expect(0).out().contains("--report"));
        assertTrue(cli("check", "--help").expect(0).out().contains("BOOK.epub"));
        assertTrue(cli("--version").expect(0).out().matches("rawi \\d+\\.\\d+\\.\\d+\\s*"));
        cli().expect(2);
        assertTrue(cli("convert", "--no-such-option", "x").expect(2).err().contains("--no-such-option"));
        assertTrue(cli("convert", "a.txt", "--sync", "letter").expect(2).err().contains("paragraph, sentence or word"));
        assertTrue(cli("convert", "a.txt", "--lang", "not a tag").expect(2).err().contains("BCP 47"));
    }

    @Test
    void badInputsGetOneClearLineAndExitCodeTwo() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        Path blank = Files.writeString(dir.resolve("blank.txt"), "   \n \n");
        Path binary = Files.write(dir.resolve("image.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Path invalid = Files.write(dir.resolve("latin1.txt"), "caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1));
        String o = dir.resolve("out").toString();
        assertOneLine(cli("convert", dir.resolve("nope.txt").toString(), "-o", o), 2, "nope.txt", "no such file");
        assertOneLine(cli("convert", dir.toString(), "-o", o), 2, dir.toString(), "is a directory");
        assertOneLine(cli("convert", empty.toString(), "-o", o), 2, "empty.txt", "empty");
        assertOneLine(cli("convert", blank.toString(), "-o", o), 2, "blank.txt", "only white space");
        assertOneLine(cli("convert", binary.toString(), "-o", o), 2, "image.txt", "an image, not a text");
        assertOneLine(cli("convert", invalid.toString(), "-o", o), 2, "latin1.txt", "byte offset 3");
        assertOneLine(cli("clean", invalid.toString()), 2, "latin1.txt", "byte offset 3");
        assertOneLine(cli("check", dir.resolve("none.epub").toString()), 2, "none.epub", "no such EPUB");
    }

    @Test
    void outputProblems() throws Exception {
        Path input = TestSupport.sample();
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertOneLine(cli("convert", input.toString(), "--no-audio", "-o", file.toString()), 2, "a-file", "not a directory");
        assertOneLine(cli("convert", input.toString(), "--no-audio", "-o", dir.toString(), "--slug", "../escape"), 2,
                "../escape", "a name, not a path");
        assertFalse(Files.exists(dir.getParent().resolve("escape")));
        Path unwritable = unwritableDirectory();
        assertOneLine(cli("convert", input.toString(), "--no-audio", "-o", unwritable.toString()), 1,
                unwritable.toString(), "not writable");
    }

    /** A folder no one may write in: as root, permissions do not stop writes, so a pseudo file system is used. */
    private Path unwritableDirectory() throws Exception {
        if ("root".equals(System.getProperty("user.name"))) {
            return Path.of("/sys/rawi-test-output");
        }
        Path ro = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        return ro.resolve("out");
    }

    @Test
    void aFailedRunLeavesThePreviousBookUntouched() throws Exception {
        Path o = dir.resolve("out");
        Path input = Files.writeString(dir.resolve("story.txt"), "A story worth keeping. It has two sentences.\n");
        cli("convert", input.toString(), "--no-audio", "-o", o.toString()).expect(0);
        Path epub = o.resolve("story/story.epub");
        byte[] before = Files.readAllBytes(epub);
        Files.write(input, new byte[] {'b', 'a', 'd', (byte) 0xFF, 'x'});
        cli("convert", input.toString(), "--no-audio", "-o", o.toString()).expect(2);
        assertArrayEquals(before, Files.readAllBytes(epub));
        Files.writeString(input, "A story worth keeping.\n");
        cli("convert", input.toString(), "--no-audio", "-o", o.toString(), "--voice", "no-such-voice").expect(0);
        cli("convert", input.toString(), "-o", o.toString(), "--voice", "no-such-voice").expect(2);
        try (var listing = Files.list(o)) {
            assertEquals(1, listing.count(), "no partial folder is left behind");
        }
    }

    /** kill -9 in the middle of narration: the previous book stays; the next run cleans up and finishes. */
    @Test
    void aKilledRunLeavesThePreviousBookAndTheNextRunCleansUp() throws Exception {
        Path voices = Files.createDirectory(dir.resolve("voices"));
        TestSupport.toneVoice(voices, "slow", "slow", "{out}", 30);
        Path o = dir.resolve("out");
        String[] args = {"convert", TestSupport.sample().toString(), "-o", o.toString(), "--voices", voices.toString(),
                "--jobs", "1", "--date", TestSupport.DATE, "--cache", dir.resolve("cache").toString()};
        cli("convert", TestSupport.sample().toString(), "-o", o.toString(), "--no-audio").expect(0);
        Path epub = o.resolve("library-ar/library-ar.epub");
        byte[] before = Files.readAllBytes(epub);
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                ProcessHandle.current().info().command().orElseThrow(), "-cp", System.getProperty("java.class.path"),
                "io.rawi.Main"));
        command.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path audio = TestSupport.firstNarratedFile(o, "library-ar");
        assertTrue(audio != null, "narration started");
        p.destroyForcibly().waitFor();
        assertArrayEquals(before, Files.readAllBytes(epub), "the previous book is untouched");
        try (var list = Files.list(o)) {
            assertEquals(3, list.count(), "the book, and the killed run's partial folder and its lock");
        }
        Run rerun = cli(args).expect(0);
        assertTrue(rerun.err().matches("(?s).*narrated 10 audio files, \\d+ s of speech, [1-9]\\d* of them from the cache.*"),
                "the rerun reuses what the killed run had finished: " + rerun.err());
        try (var list = Files.list(o)) {
            assertEquals(java.util.List.of("library-ar"), list.map(d -> d.getFileName().toString()).toList());
        }
        assertTrue(TestSupport.unzip(epub).containsKey("OEBPS/smil/chapter-001.smil"), "now narrated");
        Path reference = dir.resolve("reference");
        String[] uninterrupted = args.clone();
        uninterrupted[3] = reference.toString();
        uninterrupted[uninterrupted.length - 2] = "--no-cache";
        uninterrupted[uninterrupted.length - 1] = "--quiet";
        cli(uninterrupted).expect(0);
        assertArrayEquals(Files.readAllBytes(reference.resolve("library-ar/library-ar.epub")), Files.readAllBytes(epub),
                "killed and rerun, the book is the one an uninterrupted run makes");
    }

    @Test
    void progressLinesWhenNotATerminalAndNothingWhenQuiet() {
        Path o = dir.resolve("out");
        Run r = cli("convert", TestSupport.sample().toString(), "-o", o.toString(), "--voices",
                TestSupport.fakeVoices().toString()).expect(0);
        assertTrue(r.err().contains("narrated 2/10 audio files"), r.err());
        assertTrue(r.err().matches("(?s).*min of speech, about \\d+ s left.*"), r.err());
        Run quiet = cli("convert", TestSupport.sample().toString(), "-o", o.toString(), "--voices",
                TestSupport.fakeVoices().toString(), "--quiet").expect(0);
        assertEquals("", quiet.err());
        assertEquals(o.resolve("library-ar/library-ar.epub").toAbsolutePath() + "\n", quiet.out());
    }

    @Test
    void cleanPrintsTextAndChanges() {
        Run r = cli("clean", TestSupport.sample().toString()).expect(0);
        assertTrue(r.out().contains("والتسجيل في برامجنا"), r.out());
        assertTrue(r.err().contains("detached-waw"), r.err());
        assertTrue(r.err().contains("repeated-word"), r.err());
        Run json = cli("clean", TestSupport.sample().toString(), "--report").expect(0);
        assertTrue(json.err().strip().startsWith("{") && json.err().contains("\"changes\""), json.err());
    }

    @Test
    void checkSummarisesEpubCheck() throws Exception {
        Path o = dir.resolve("out");
        cli("convert", TestSupport.sample().toString(), "--no-audio", "-o", o.toString()).expect(0);
        Run r = cli("check", o.resolve("library-ar/library-ar.epub").toString()).expect(0);
        assertTrue(r.out().contains("0 fatal, 0 errors, 0 warnings"), r.out());
        Path broken = dir.resolve("broken.epub");
        Files.writeString(broken, "not a zip");
        assertTrue(cli("check", broken.toString()).expect(1).out().contains("broken.epub"));
    }
}
