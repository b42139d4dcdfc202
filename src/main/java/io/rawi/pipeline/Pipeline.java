package io.rawi.pipeline;

import io.rawi.book.Book;
import io.rawi.book.Granularity;
import io.rawi.check.EpubValidator;
import io.rawi.check.ValidationReport;
import io.rawi.clean.Finding;
import io.rawi.clean.Rules;
import io.rawi.epub.EpubBuilder;
import io.rawi.epub.EpubOptions;
import io.rawi.epub.EpubPackage;
import io.rawi.error.ProcessingException;
import io.rawi.error.RawiException;
import io.rawi.internal.IoMessages;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Drives the stages: read → clean → segment → (speak → encode) → publish. The book's folder is written beside its
 * final place and moved there only when complete.
 *
 * <pre>{@code
 * ConvertResult r = new Pipeline(System.err::println).convert(ConvertOptions.defaults(List.of(Path.of("a.txt"))));
 * }</pre>
 */
public final class Pipeline {
    private final Consumer<String> log;

    /** @param log receives progress and notes, one line each */
    public Pipeline(Consumer<String> log) {
        this.log = log;
    }

    /** Reads and cleans the inputs into a book, without writing anything. */
    public BookAssembler.Assembled assemble(ConvertOptions options) throws RawiException {
        return new BookAssembler().assemble(options);
    }

    public ConvertResult convert(ConvertOptions options) throws RawiException {
        BookAssembler.Assembled assembled = assemble(options);
        Book book = assembled.book();
        String slug = options.slug().isPresent() ? Slugs.checked(options.slug().get())
                : Slugs.of(options.title().orElse(null), options.inputs().get(0));
        List<String> notes = new ArrayList<>();
        for (Finding f : assembled.findings()) {
            notes.add(f.paragraph() + ": " + f.message() + " (left as written)");
        }
        try (Staging staging = Staging.open(options.outputDir(), slug)) {
            Path dir = staging.dir();
            write(dir.resolve("cleaning.json"), CleaningReport.json(options.inputs(), Rules.standard(),
                    assembled.changes(), assembled.findings()));
            EpubPackage pkg = EpubBuilder.build(book,
                    new EpubOptions(options.sync() == Granularity.WORD, options.cover()), notes::add);
            Path epub = dir.resolve(slug + ".epub");
            try (OutputStream out = Files.newOutputStream(epub)) {
                pkg.write(out);
            } catch (IOException e) {
                throw new ProcessingException(epub + ": cannot write the EPUB (" + IoMessages.reason(e) + ")", e);
            }
            Optional<ValidationReport> validation = Optional.empty();
            if (options.validate()) {
                ValidationReport report = EpubValidator.validate(epub);
                validation = Optional.of(report);
                if (!report.clean()) {
                    report.messages().forEach(log);
                    throw new ProcessingException(staging.target() + ": the new book failed validation ("
                            + report.summary() + "); the previous book, if any, was left in place");
                }
            }
            staging.publish();
            Path folder = staging.target();
            return new ConvertResult(folder, folder.resolve(epub.getFileName()),
                    (int) book.bodyParagraphs().count(), assembled.changes().size(), validation, notes);
        }
    }

    static void write(Path file, String text) throws ProcessingException {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProcessingException(file + ": cannot write (" + IoMessages.reason(e) + ")", e);
        }
    }
}
