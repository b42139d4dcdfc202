package io.rawi.diacritize;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped model read in place and copied into arrays: the same vowels for the same text. */
class ModelArraysTest {
    private static final Path TEST = Path.of("..", "shared", "data", "tashkeel", "test.txt");

    private static String fromBufferOnly(String text) throws IOException {
        Model model = Model.map(Diacritizer.shippedModel());
        String vowelled = new Diacritizer(model::score).diacritize(text);
        assertFalse(model.inArraysYet(), "a line of " + text.length() + " characters");
        return vowelled;
    }

    @Test
    void theArraysVowelAsTheMappedModelDoes() throws IOException {
        List<String> lines = Files.readAllLines(TEST, StandardCharsets.UTF_8).stream()
                .map(Evaluation::strip).filter(l -> !l.isBlank()).limit(400).toList();
        Model mapped = Model.map(Diacritizer.shippedModel());
        Diacritizer inPlace = new Diacritizer(mapped::score);
        // the first lines are vowelled from the buffer, and the model copies itself once past the threshold
        int letters = 0;
        int line = 0;
        StringBuilder fromBuffer = new StringBuilder();
        while (letters < Model.IN_ARRAYS_AFTER / 2) {
            String text = lines.get(line++);
            letters += text.length();
            fromBuffer.append(inPlace.diacritize(text)).append('\n');
        }
        assertFalse(mapped.inArraysYet(), "copied after " + letters + " characters");
        StringBuilder rest = new StringBuilder();
        for (String text : lines) {
            rest.append(inPlace.diacritize(text)).append('\n');
        }
        assertTrue(mapped.inArraysYet(), "not copied after " + lines.size() + " lines");
        // each line again from a model of its own, which never scores enough letters to copy itself
        StringBuilder expected = new StringBuilder();
        StringBuilder expectedRest = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String vowelled = fromBufferOnly(lines.get(i)) + "\n";
            expectedRest.append(vowelled);
            if (i < line) {
                expected.append(vowelled);
            }
        }
        assertEquals(expected.toString(), fromBuffer.toString());
        assertEquals(expectedRest.toString(), rest.toString(), "the arrays vowel differently from the buffer");
    }
}
