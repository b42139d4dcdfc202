package io.rawi.narration;

import io.rawi.book.Language;
import io.rawi.book.Paragraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planning order of a rebuild: what the last narration into the same folder did not have comes first. */
class PlanOrderTest {
    @TempDir
    Path cache;

    private static Paragraph p(String id, String text) {
        return new Paragraph(id, Paragraph.Kind.BODY, text, Language.ARABIC, List.of());
    }

    private static List<Paragraph> book(String... texts) {
        List<Paragraph> blocks = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            blocks.add(p(String.format("p%04d", i + 1), texts[i]));
        }
        return blocks;
    }

    private static long[] fingerprints(List<Paragraph> blocks) {
        return PlanOrder.fingerprints(blocks, blocks.stream().map(b -> "ar-espeak").toList());
    }

    @Test
    void anEditedBlockIsPlannedFirstAndTheRestInReadingOrder() {
        Path folder = cache.resolve("out").resolve("book");
        Path hint = PlanOrder.file(cache, folder);
        List<Paragraph> before = book("أول", "ثان", "ثالث", "رابع", "خامس");
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, PlanOrder.order(fingerprints(before), PlanOrder.read(hint)),
                "no hint yet: reading order");
        PlanOrder.write(hint, fingerprints(before));
        List<Paragraph> after = book("أول", "ثان", "ثالث وانتهى", "رابع", "خامس");
        after.add(p("p0006", "سادس"));
        assertArrayEquals(new int[] {2, 5, 0, 1, 3, 4}, PlanOrder.order(fingerprints(after), PlanOrder.read(hint)));
        assertEquals(hint, PlanOrder.file(cache, cache.resolve("out/./book")), "one hint per folder, however named");
        assertNotEquals(hint, PlanOrder.file(cache, cache.resolve("out/other")));
    }

    @Test
    void theFingerprintFollowsTheTextTheIdTheLanguageAndTheVoice() {
        Paragraph a = p("p0001", "نص");
        long f = PlanOrder.fingerprint(a, "ar-espeak");
        assertEquals(f, PlanOrder.fingerprint(p("p0001", "نص"), "ar-espeak"));
        assertNotEquals(f, PlanOrder.fingerprint(p("p0002", "نص"), "ar-espeak"));
        assertNotEquals(f, PlanOrder.fingerprint(p("p0001", "نص."), "ar-espeak"));
        assertNotEquals(f, PlanOrder.fingerprint(new Paragraph("p0001", Paragraph.Kind.BODY, "نص", Language.ENGLISH,
                List.of()), "ar-espeak"));
        assertNotEquals(f, PlanOrder.fingerprint(a, "ar-other"));
    }

    @Test
    void aDamagedOrMissingHintIsNoHintAndOldHintsGo() throws Exception {
        Path hint = PlanOrder.file(cache, cache.resolve("book"));
        Files.createDirectories(hint.getParent());
        Files.write(hint, new byte[] {0, 1, 2, 'z', '\n', (byte) 0xff});
        assertEquals(Set.of(), PlanOrder.read(hint));
        Files.writeString(hint, "0123456789abcdef\nnot a fingerprint\n");
        assertEquals(Set.of(0x0123456789abcdefL), PlanOrder.read(hint), "the lines that are fingerprints");
        Path old = PlanOrder.file(cache, cache.resolve("a book of last year"));
        Files.writeString(old, "0123456789abcdef\n");
        Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis()
                - (PlanOrder.KEEP_DAYS + 1) * 86_400_000L));
        PlanOrder.write(hint, new long[] {-1L, 7L});
        assertEquals(Set.of(-1L, 7L), PlanOrder.read(hint));
        assertFalse(Files.exists(old), "a hint not written for " + PlanOrder.KEEP_DAYS + " days");
        assertTrue(Files.exists(hint));
        try (var files = Files.list(hint.getParent())) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }
}
