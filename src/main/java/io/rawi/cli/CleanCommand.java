package io.rawi.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import io.rawi.clean.CleanOptions;
import io.rawi.clean.CleanResult;
import io.rawi.clean.Rules;
import io.rawi.error.RawiException;
import io.rawi.pipeline.BookAssembler;
import io.rawi.pipeline.CleaningReport;
import io.rawi.source.Language;
import io.rawi.source.SourceText;
import io.rawi.source.TextReader;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

@Parameters(commandDescription = "Print the cleaned text on stdout and the changes on stderr")
final class CleanCommand extends Command {
    @Parameter(description = "INPUT", required = true, arity = 1)
    List<String> inputs = new ArrayList<>();

    @Parameter(names = "--report", description = "Write the changes on stderr as JSON (as in cleaning.json)")
    boolean report;

    @Parameter(names = {"-l", "--lang"}, converter = Converters.LanguageConverter.class,
            description = "Language as a BCP 47 tag (default: detected)")
    Language language;

    @Parameter(names = "--digits", converter = Converters.DigitsConverter.class,
            description = "Digits: keep, western or arabic-indic")
    CleanOptions.Digits digits = CleanOptions.Digits.KEEP;


    @Override
    int run(PrintStream out, PrintStream err) throws RawiException {
        Path path = Path.of(inputs.get(0));
        SourceText src = TextReader.read(path);
        CleanResult r = BookAssembler.clean(src, 1, 1,
                new CleanOptions(language != null ? language : src.language(), digits));
        r.paragraphs().forEach(out::println);
        if (report) {
            err.print(CleaningReport.json(List.of(path), Rules.standard(), r.changes(), r.findings()));
        } else {
            r.changes().forEach(c -> err.println(CleaningReport.line(c)));
            r.findings().forEach(f -> err.println(f.paragraph() + " " + f.rule() + ": " + f.message() + " (not changed)"));
            err.println(r.changes().size() + " changes, " + r.findings().size() + " findings");
        }
        return 0;
    }
}
