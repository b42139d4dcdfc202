package io.rawi.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import io.rawi.check.EpubValidator;
import io.rawi.check.ValidationReport;
import io.rawi.error.ProcessingException;
import io.rawi.error.RawiException;
import io.rawi.internal.Folders;
import io.rawi.internal.IoMessages;
import io.rawi.internal.JsonReader;
import io.rawi.internal.Processes;
import io.rawi.internal.Programs;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Parameters(commandDescription = "Validate an EPUB with EPUBCheck, and with DAISY Ace when 'ace' is on the PATH; "
        + "or a DAISY 2.02 or DAISY 3 book (its folder, ncc.html or .opf) by the DAISY Pipeline's DTDs, schemas and "
        + "checks; exit 1 on any error or warning, or any Ace violation")
final class CheckCommand extends Command {
    @Parameter(description = "BOOK.epub | DAISY-FOLDER | ncc.html | BOOK.opf", required = true, arity = 1)
    List<String> books = new ArrayList<>();

    @Override
    int run(PrintStream out, PrintStream err) throws RawiException {
        String book = books.get(0);
        Path path = Path.of(book);
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        boolean daisyFile = name.equalsIgnoreCase("ncc.html") || name.endsWith(".opf");
        Path daisy = Files.isDirectory(path) ? path : daisyFile ? path.toAbsolutePath().getParent() : null;
        if (daisy != null) { // a DAISY book: its folder, or its ncc.html (2.02) or .opf (3)
            ValidationReport r = Files.isRegularFile(daisy.resolve("ncc.html"))
                    ? io.rawi.check.Daisy202Validator.validate(daisy) : io.rawi.check.Daisy3Validator.validate(daisy);
            r.messages().forEach(out::println);
            out.println(IoMessages.name(book) + ": " + r.summary());
            return r.clean() ? 0 : 1;
        }
        ValidationReport r = EpubValidator.validate(path);
        r.messages().forEach(out::println);
        out.println(IoMessages.name(book) + ": " + r.summary());
        Optional<Path> ace = Programs.find("ace");
        if (ace.isEmpty()) {
            out.println(IoMessages.name(book) + ": DAISY Ace: not checked, 'ace' is not on the PATH "
                    + "(npm install -g @daisy/ace installs it; it needs Chromium)");
            return r.clean() ? 0 : 1;
        }
        int violations = ace(ace.get(), Path.of(book), out);
        out.println(IoMessages.name(book) + ": DAISY Ace: " + violations + " violation" + (violations == 1 ? "" : "s"));
        return r.clean() && violations == 0 ? 0 : 1;
    }

    /** Runs Ace on {@code book}, prints each violation, and returns how many there are. */
    private static int ace(Path ace, Path book, PrintStream out) throws RawiException {
        Path report = null;
        try {
            report = Files.createTempDirectory("rawi-ace-");
            Processes.run(List.of(ace.toString(), "-f", "-s", "-o", report.toString(), book.toString()), new byte[0],
                    Duration.ofMinutes(10), "DAISY Ace");
            Path json = report.resolve("report.json");
            if (!Files.isRegularFile(json)) {
                throw new ProcessingException("DAISY Ace wrote no report for " + IoMessages.name(book.toString()));
            }
            Map<String, Object> root = JsonReader.parse(Files.readString(json, StandardCharsets.UTF_8));
            int count = 0;
            Object assertions = root.get("assertions");
            for (Map<String, Object> document : assertions == null ? List.<Map<String, Object>>of()
                    : JsonReader.list(assertions)) {
                Object inner = document.get("assertions");
                for (Map<String, Object> a : inner == null ? List.<Map<String, Object>>of() : JsonReader.list(inner)) {
                    count++;
                    Object test = a.get("earl:test");
                    Object subject = document.get("earl:testSubject");
                    out.println("ace: " + (test instanceof Map<?, ?> t ? t.get("earl:impact") + " " + t.get("dct:title")
                            : "violation") + (subject instanceof Map<?, ?> s ? " in " + s.get("url") : ""));
                }
            }
            return count;
        } catch (IOException e) {
            throw new ProcessingException("DAISY Ace: cannot read its report (" + IoMessages.reason(e) + ")", e);
        } finally {
            if (report != null) {
                Folders.deleteTree(report);
            }
        }
    }
}
