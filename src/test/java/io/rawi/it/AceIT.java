package io.rawi.it;

import io.rawi.TestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DAISY Ace judges accessibility: the seed's book, narrated and synchronised by paragraph, sentence and word, and
 * text-only, must have no violations. {@code ../shared/tools/ace-check} installs Ace and Chromium on first use.
 */
class AceIT {
    private static final Path ACE = Path.of("..", "shared", "tools", "ace-check");

    @TempDir
    Path out;

    @ParameterizedTest
    @ValueSource(strings = {"--no-audio", "paragraph", "sentence", "word"})
    void noViolations(String mode) throws Exception {
        assertTrue(Files.isExecutable(ACE) || Files.isRegularFile(ACE), "ace-check must be at " + ACE.toAbsolutePath());
        if (mode.startsWith("--")) {
            TestSupport.cli("convert", TestSupport.seed().toString(), "-o", out.toString(), mode).expect(0);
        } else {
            TestSupport.cli("convert", TestSupport.seed().toString(), "-o", out.toString(), "--sync", mode).expect(0);
        }
        Path epub = out.resolve("article-ar/article-ar.epub");
        Process p = new ProcessBuilder("bash", ACE.toString(), epub.toString(), out.resolve("ace").toString())
                .redirectErrorStream(true).start();
        String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.MINUTES), "Ace finished");
        assertEquals(0, p.exitValue(), "Ace found violations (or could not run):\n" + report);
        assertTrue(report.contains("ace: 0 violation(s)"), report);
    }
}
