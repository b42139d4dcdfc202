package io.rawi.pipeline;

import io.rawi.TestSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The project's sample converted with a fixed date and identifier (and, for narrated books, the deterministic tone
 * backend) must equal the unpacked book under {@code src/test/resources/golden/<case>/}, byte for byte for every text
 * file (XHTML, package document, navigation, NCX, SMIL, CSS, JSON, captions, playlist). Audio files are compared by
 * name: their bytes belong to the encoder. {@code ./mvnw test -Dgolden.update=true} rewrites the expected files.
 */
class GoldenTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    @TempDir
    Path out;

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource({
            "library-ar-text, --no-audio,",
            "library-ar-sentence, --sync sentence,",
            "library-ar-word, --sync word,",
            "library-ar-paragraph, --sync paragraph,",
            // the same bytes whatever the machine's language: Arabic and Persian number ids with their own digits,
            // and Turkish lower-cases I without a dot, unless told not to
            "library-ar-word, --sync word, ar-EG",
            "library-ar-word, --sync word, fa-IR",
            "library-ar-text, --no-audio, tr-TR"})
    void sampleMatchesGolden(String name, String options, String locale) throws Exception {
        java.util.Locale before = java.util.Locale.getDefault();
        if (locale != null) {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag(locale));
        }
        try {
            convertAndCompare(name, options);
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    private void convertAndCompare(String name, String options) throws Exception {
        List<String> args = new ArrayList<>(List.of("convert", TestSupport.sample().toString(), "-o", out.toString(),
                "--slug", "library-ar", "--date", TestSupport.DATE, "--identifier", TestSupport.UUID, "--no-cover",
                "--voices", TestSupport.fakeVoices().toString(), "--author", "فريق راوي"));
        args.addAll(List.of(options.split(" ")));
        TestSupport.cli(args.toArray(String[]::new)).expect(0);
        Path folder = out.resolve("library-ar");
        Path epub = folder.resolve("library-ar.epub");
        TestSupport.assertValid(epub);
        Map<String, byte[]> actual = new TreeMap<>();
        TestSupport.unzip(epub).forEach((entry, bytes) -> actual.put("epub/" + entry, bytes));
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = folder.relativize(f).toString();
                if (!rel.endsWith(".epub")) {
                    actual.put(rel, Files.readAllBytes(f));
                }
            }
        }
        Path expectedDir = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            TestSupport.deleteTree(expectedDir);
            for (Map.Entry<String, byte[]> e : actual.entrySet()) {
                Path target = expectedDir.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, binary(e.getKey()) ? new byte[0] : e.getValue());
            }
        }
        Map<String, byte[]> expected = new TreeMap<>();
        try (Stream<Path> files = Files.walk(expectedDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                expected.put(expectedDir.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        assertEquals(expected.keySet(), actual.keySet(), "the same files");
        for (String key : expected.keySet()) {
            if (!binary(key)) {
                assertEquals(new String(expected.get(key), java.nio.charset.StandardCharsets.UTF_8),
                        new String(actual.get(key), java.nio.charset.StandardCharsets.UTF_8), key);
            }
        }
    }

    private static boolean binary(String name) {
        return name.endsWith(".mp3") || name.endsWith(".png") || name.endsWith(".opus") || name.endsWith(".wav");
    }
}
