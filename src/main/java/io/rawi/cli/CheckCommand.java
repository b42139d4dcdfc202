package io.rawi.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import io.rawi.check.EpubValidator;
import io.rawi.check.ValidationReport;
import io.rawi.error.RawiException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

@Parameters(commandDescription = "Validate an EPUB with EPUBCheck and summarise; exit 1 on any error or warning")
final class CheckCommand extends Command {
    @Parameter(description = "BOOK.epub", required = true, arity = 1)
    List<String> books = new ArrayList<>();


    @Override
    int run(PrintStream out, PrintStream err) throws RawiException {
        ValidationReport r = EpubValidator.validate(Path.of(books.get(0)));
        r.messages().forEach(out::println);
        out.println(books.get(0) + ": " + r.summary());
        return r.clean() ? 0 : 1;
    }
}
