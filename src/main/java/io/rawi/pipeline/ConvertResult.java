package io.rawi.pipeline;

import io.rawi.check.ValidationReport;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a conversion produced.
 *
 * @param folder     the book's folder, {@code output/<slug>}
 * @param epub       the EPUB file in it
 * @param paragraphs how many body paragraphs the book has
 * @param changes    how many changes the cleaner made
 * @param validation EPUBCheck's verdict, when asked for
 * @param notes      remarks for the user (no cover, findings of the cleaner)
 */
public record ConvertResult(Path folder, Path epub, int paragraphs, int changes,
                            Optional<ValidationReport> validation, List<String> notes) {
    public ConvertResult {
        notes = List.copyOf(notes);
    }
}
