package io.rawi;

import io.rawi.check.EpubValidator;
import io.rawi.check.ValidationReport;
import io.rawi.cli.Cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Shared fixtures: the seed and sample articles, a captured command line, EPUBCheck, unzipping. */
public final class TestSupport {
    /** Fixed metadata so that books are reproducible. */
    public static final String DATE = "2025-01-15T10:20:30Z";
    public static final String UUID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    private TestSupport() {
    }

    /** The reference article, beside the checkout; its absence is a broken setup, not a reason to skip. */
    public static Path seed() {
        Path p = Path.of("..", "shared", "samples", "article-ar.txt");
        assertTrue(Files.isRegularFile(p), "the reference article must be at " + p.toAbsolutePath());
        return p;
    }

    /** The project's own sample article. */
    public static Path sample() {
        return Path.of("src", "test", "resources", "samples", "library-ar.txt");
    }

    /** Replaces {@code from} with {@code to} in line {@code index} (from 0) of {@code file}, which must hold it. */
    public static void editLine(Path file, int index, String from, String to) throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        String edited = lines.get(index).replace(from, to);
        assertTrue(!edited.equals(lines.get(index)), "line " + index + " of " + file + " holds no «" + from + "»");
        lines.set(index, edited);
        Files.write(file, lines);
    }

    public static Path fakeVoices() {
        return Path.of("src", "test", "resources", "voices-fake");
    }

    /**
     * Writes a voice file for the command backend that runs the test program {@code io.rawi.speech.ToneProgram} in
     * {@code mode}, writing to {@code out} ({@code {out}} or {@code -} for standard output).
     */
    public static Path toneVoice(Path dir, String id, String mode, String out, double timeout) throws IOException {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        String classes = Path.of("target", "test-classes").toAbsolutePath() + java.io.File.pathSeparator
                + Path.of("target", "classes").toAbsolutePath();
        return Files.writeString(dir.resolve(id + ".properties"), String.join("\n",
                "id=" + id, "languages=ar,en", "backend=command", "voice=tone", "default=true",
                "command.1=" + javaBin.replace("\\", "\\\\"), "command.2=-cp",
                "command.3=" + classes.replace("\\", "\\\\"), "command.4=io.rawi.speech.ToneProgram",
                "command.5=" + mode, "command.6=" + out, "command.7={text}",
                "timeout=" + timeout, "timeout.perWord=0.01", ""));
    }

    public static boolean ci() {
        return "true".equals(System.getenv("CI"));
    }

    /** What a command line run printed and returned. */
    public record Run(int code, String out, String err) {
        public Run expect(int expected) {
            assertEquals(expected, code, () -> "exit code; stdout:\n" + out + "\nstderr:\n" + err);
            return this;
        }
    }

    public static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** EPUBCheck must report no fatal error, no error and no warning. */
    public static ValidationReport assertValid(Path epub) {
        try {
            ValidationReport r = EpubValidator.validate(epub);
            assertTrue(r.clean(), () -> epub + ": " + r.summary() + "\n" + String.join("\n", r.messages()));
            // read front to back, as a streaming reader does: this checks every entry's CRC-32 against its bytes
            // (rawi writes the container itself, with checksums computed as the audio files were made)
            try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(epub))) {
                while (in.getNextEntry() != null) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            return r;
        } catch (Exception e) {
            return fail(e);
        }
    }

    /** Every file under {@code expected} is in {@code actual} with the same bytes. */
    public static void assertSameFiles(Path expected, Path actual) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(expected)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                Path other = actual.resolve(expected.relativize(f));
                org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(other),
                        "same bytes: " + other);
            }
        }
    }

    /** Every entry of a zip, by name, sorted. */
    public static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                try (InputStream in = z.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    public static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var walk = Files.walk(root)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    public static String text(Map<String, byte[]> entries, String name) {
        byte[] b = entries.get(name);
        assertTrue(b != null, "no entry " + name + " in " + entries.keySet());
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * Waits (up to 30 s) until a conversion into {@code output} has narrated its first paragraph in its partial
     * folder, and returns that file, or null if it never did.
     */
    public static Path firstNarratedFile(Path output, String slug) throws IOException, InterruptedException {
        for (int i = 0; i < 300; i++) {
            Thread.sleep(100);
            try (var list = Files.list(output)) {
                Path audio = list.filter(d -> d.getFileName().toString().startsWith("." + slug + ".partial-"))
                        .map(d -> d.resolve("audio/p0001.mp3")).filter(Files::exists).findFirst().orElse(null);
                if (audio != null) {
                    return audio;
                }
            }
        }
        return null;
    }
}
