package io.rawi.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import io.rawi.clean.CleanOptions;
import io.rawi.clean.CleanResult;
import io.rawi.clean.Rules;
import io.rawi.error.RawiException;
import io.rawi.pipeline.BookAssembler;
import io.rawi.pipeline.CleaningReport;
import io.rawi.source.SourceText;
import io.rawi.source.Fetcher;
import io.rawi.source.Inputs;
import io.rawi.source.SourceDocument;
import io.rawi.clean.Change;
import io.rawi.clean.Finding;
import io.rawi.error.BadInputException;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

@Parameters(commandDescription = "Print the cleaned text on stdout and the changes on stderr")
final class CleanCommand extends Command {
    @Parameter(description = "INPUT  (a text, Markdown or HTML file, an http(s) URL, or - for standard input)", required = true, arity = 1)
    List<String> inputs = new ArrayList<>();

    @Parameter(names = "--report", description = "Write the changes on stderr as JSON (as in cleaning.json)")
    boolean report;

    @ParametersDelegate
    ReadingOptions reading = new ReadingOptions();

    @Override
    int run(PrintStream out, PrintStream err) throws RawiException {
        String location = inputs.get(0);
        Inputs reader = new Inputs(new Fetcher(Duration.ofSeconds(reading.timeout)), System.in);
        Inputs.Raw raw = reader.raw(location, reading.format);
        if (raw.format() == Inputs.Format.EPUB) {
            throw new BadInputException(location + ": an EPUB is a finished book; 'rawi clean' reads text, Markdown "
                    + "and HTML articles");
        }
        SourceDocument doc = reader.read(raw);
        List<Change> changes = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (CleanResult r : BookAssembler.clean(doc.chapters(), src -> new CleanOptions(
                reading.language != null ? reading.language : src.language(), reading.digits))) {
            r.paragraphs().forEach(out::println);
            changes.addAll(r.changes());
            findings.addAll(r.findings());
        }
        doc.notes().forEach(n -> err.println("note: " + n));
        if (report) {
            err.print(CleaningReport.json(List.of(location), Rules.standard(), changes, findings));
        } else {
            changes.forEach(c -> err.println(CleaningReport.line(c)));
            findings.forEach(f -> err.println(f.paragraph() + " " + f.rule() + ": " + f.message()
                    + (f.leftAlone() ? " (not changed)" : "")));
            err.println(changes.size() + " changes, " + findings.size() + " findings");
        }
        return 0;
    }
}
