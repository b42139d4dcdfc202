package io.rawi.narration;

import io.rawi.book.Paragraph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The order in which a rebuild plans its blocks: the blocks it did not narrate last time into the same folder first,
 * since those are the ones the cache is likely to lack. A block to speak then starts at once instead of after the
 * keys of every block before it, and the others are planned on the other core meanwhile. A hint only: every block is
 * still planned and looked up, so a wrong or missing hint costs time, never a wrong book.
 *
 * <p>The hint is a small file per book folder in the cache's {@code books/} folder: a fingerprint per block (its id,
 * text and language), written after each narration. Files not written for {@link #KEEP_DAYS} days are removed.
 */
final class PlanOrder {
    static final String FOLDER = "books";
    static final int KEEP_DAYS = 90;

    private PlanOrder() {
    }

    /** A block's fingerprint: its id, text, language and voice. */
    static long fingerprint(Paragraph p, String voice) {
        long h = p.text().hashCode();
        h = h * 0x9E3779B97F4A7C15L + p.text().length();
        h = h * 0x9E3779B97F4A7C15L + p.id().hashCode();
        h = h * 0x9E3779B97F4A7C15L + p.language().tag().hashCode();
        return h * 0x9E3779B97F4A7C15L + voice.hashCode();
    }

    /** The hint file of the book in {@code book}, in the cache at {@code root}. */
    static Path file(Path root, Path book) {
        String name = book.toAbsolutePath().normalize().toString();
        return root.resolve(FOLDER).resolve(HexFormat.of().toHexDigits(fingerprintOf(name)));
    }

    private static long fingerprintOf(String s) {
        long h = 0xcbf29ce484222325L; // FNV-1a over the characters
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /**
     * The blocks' indexes in planning order: those whose fingerprint {@code known} lacks first, then the others,
     * each group in reading order. Reading order when nothing is known.
     */
    static int[] order(long[] fingerprints, Set<Long> known) {
        int n = fingerprints.length;
        int[] order = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!known.contains(fingerprints[i])) {
                order[k++] = i;
            }
        }
        if (k == n) {
            return order;
        }
        for (int i = 0; i < n; i++) {
            if (known.contains(fingerprints[i])) {
                order[k++] = i;
            }
        }
        return order;
    }

    /** The fingerprints last written for the book, or none (no file, or one that cannot be read: only a hint). */
    static Set<Long> read(Path file) {
        Set<Long> known = new HashSet<>();
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > 1 << 24) {
                return known;
            }
            for (String line : new String(bytes, StandardCharsets.US_ASCII).split("\n")) {
                if (line.length() == 16) {
                    known.add(HexFormat.fromHexDigitsToLong(line));
                }
            }
        } catch (IOException | RuntimeException e) {
            known.clear(); // no hint
        }
        return known;
    }

    /**
     * Writes the blocks' fingerprints as the book's hint (beside it, then renamed, so runs can share the cache), and
     * removes hints not written for {@link #KEEP_DAYS} days. Failures only lose the hint.
     */
    static void write(Path file, long[] fingerprints) {
        try {
            Files.createDirectories(file.getParent());
            HexFormat hex = HexFormat.of();
            StringBuilder sb = new StringBuilder(fingerprints.length * 17);
            for (long f : fingerprints) {
                sb.append(hex.toHexDigits(f)).append('\n');
            }
            Path tmp = Files.createTempFile(file.getParent(), ".hint-", "");
            try {
                Files.writeString(tmp, sb, StandardCharsets.US_ASCII);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            long old = System.currentTimeMillis() - KEEP_DAYS * 86_400_000L;
            try (var files = Files.list(file.getParent())) {
                for (Path f : files.toList()) {
                    if (Files.getLastModifiedTime(f).toMillis() < old) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the hint only saves time
        }
    }

    /** The fingerprints of {@code blocks}, spoken by {@code voices} (one per block). */
    static long[] fingerprints(List<Paragraph> blocks, List<String> voices) {
        long[] f = new long[blocks.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = fingerprint(blocks.get(i), voices.get(i));
        }
        return f;
    }
}
