package io.rawi;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** DAISY Ace through {@code ../shared/tools/ace-check}, which installs it (and Chromium) on first use. */
public final class Ace {
    private static final Path CHECK = Path.of("..", "shared", "tools", "ace-check");

    private Ace() {
    }

    /** What Ace said of {@code epub}: its exit code, and each violation as severity, rule, file, description. */
    public record Report(int exitCode, String text) {
        /** Each violation as "rule in file". */
        public java.util.Set<String> violations() {
            java.util.Set<String> found = new java.util.HashSet<>();
            for (String line : text.split("\n")) {
                String[] f = line.split("\t");
                if (f.length >= 3) {
                    found.add(f[1] + " in " + f[2]);
                }
            }
            return found;
        }

        /** How many violations of each rule (files aside: a rebuilt book names its files otherwise). */
        public Map<String, Integer> byRule() {
            Map<String, Integer> rules = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                String[] f = line.split("\t");
                if (f.length >= 3) {
                    rules.merge(f[1], 1, Integer::sum);
                }
            }
            return rules;
        }

        /** The rules {@code this} breaks more often than {@code before} does, with how many more. */
        public Map<String, Integer> moreThan(Report before) {
            Map<String, Integer> was = before.byRule();
            Map<String, Integer> more = new LinkedHashMap<>();
            byRule().forEach((rule, n) -> {
                if (n > was.getOrDefault(rule, 0)) {
                    more.put(rule, n - was.getOrDefault(rule, 0));
                }
            });
            return more;
        }
    }

    /** Runs Ace on {@code epub}, its report in {@code reportDir}; fails the test if Ace could not run. */
    public static Report check(Path epub, Path reportDir) throws Exception {
        Process p = new ProcessBuilder("bash", CHECK.toString(), epub.toString(), reportDir.toString())
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.MINUTES), "Ace finished");
        assertTrue(text.contains(" violation(s)"), "Ace ran on " + epub + ": " + text);
        return new Report(p.exitValue(), text);
    }
}
