package io.rawi.source;

import io.rawi.book.Language;
import io.rawi.book.LanguageDetector;
import io.rawi.error.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void utf8WithAndWithoutBomAndUtf16WithBomReadAlike() throws Exception {
        String text = "السطر الأول.\r\nالسطر الثاني.\r\n";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
        byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));
        for (byte[] b : List.of(utf8, bom, le, be)) {
            SourceText s = TextReader.read(write("a.txt", b));
            assertEquals(List.of("السطر الأول.", "السطر الثاني."), s.paragraphs());
            assertEquals("ar", s.language().tag());
            assertTrue(s.language().rtl());
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void hardWrappedBlocksAreJoinedIntoParagraphs() throws Exception {
        SourceText s = TextReader.read(write("b.txt",
                "First line of one\nparagraph that wraps.\n\nSecond paragraph,\nalso wrapped.\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("First line of one paragraph that wraps.", "Second paragraph, also wrapped."), s.paragraphs());
        assertEquals("en", s.language().tag());
    }

    @Test
    void oneParagraphPerLineWhenLinesAreSeparatedByBlankLinesToo() throws Exception {
        SourceText s = TextReader.read(write("c.txt", "One.\n\nTwo.\n\n\nThree.\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("One.", "Two.", "Three."), s.paragraphs());
    }

    @Test
    void aShortFirstLineWithoutPunctuationIsTheHeadline() throws Exception {
        SourceText s = TextReader.read(write("d.txt", "مكتبة جديدة في الحي\nافتتحت البلدية مكتبة.\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of("مكتبة جديدة في الحي"), s.headline());
        assertEquals(List.of("افتتحت البلدية مكتبة."), s.paragraphs());
    }

    @Test
    void scriptsGiveLanguageAndDirection() {
        assertEquals("ar", LanguageDetector.detect("هذا نص عربي").tag());
        assertEquals("fa", LanguageDetector.detect("این یک متن فارسی است که می‌خواهم").tag());
        assertEquals("ur", LanguageDetector.detect("یہ اردو کی ایک عبارت ہے اور یہ بڑی ہے").tag());
        assertEquals("he", LanguageDetector.detect("זהו טקסט בעברית").tag());
        assertEquals("en", LanguageDetector.detect("plain English text").tag());
        assertEquals("en", LanguageDetector.detect("12, 34 — !").tag(), "no letters at all");
        assertEquals("ar", LanguageDetector.detect("see: قال الرجل إن النص").tag(), "the script with most letters");
        assertEquals("en", LanguageDetector.detect("ab אב").tag(), "a tie goes to the script Unicode lists first");
        assertTrue(Language.of("he").rtl());
        assertTrue(Language.of("ur-PK").rtl());
        assertEquals("ar-EG", Language.of("ar_EG").tag());
        assertEquals("ltr", Language.of("en").dir());
        assertThrows(IllegalArgumentException.class, () -> Language.of("not a tag"));
    }

    @Test
    void badInputsNameTheFileAndTheProblem() throws Exception {
        Path empty = write("empty.txt", new byte[0]);
        Path blank = write("blank.txt", " \n\t\n".getBytes(StandardCharsets.UTF_8));
        Path binary = write("bin.txt", new byte[] {'P', 'K', 3, 4, 0, 0, 1});
        Path invalid = write("bad.txt", new byte[] {'a', 'b', (byte) 0xC3, (byte) 0x28, 'c'});
        assertMessage(dir.resolve("missing.txt"), "no such file");
        assertMessage(dir, "is a directory");
        assertMessage(empty, "empty");
        assertMessage(blank, "only white space");
        assertMessage(binary, "binary file (NUL byte at offset 4)");
        assertMessage(invalid, "byte offset 2");
    }

    private static void assertMessage(Path p, String expected) {
        BadInputException e = assertThrows(BadInputException.class, () -> TextReader.read(p));
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(2, e.exitCode());
    }
}
