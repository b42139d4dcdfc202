package io.rawi.check;

import com.adobe.epubcheck.api.EPUBLocation;
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.api.MasterReport;
import com.adobe.epubcheck.messages.Message;
import com.adobe.epubcheck.messages.Severity;
import com.adobe.epubcheck.util.FeatureEnum;
import io.rawi.error.BadInputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs EPUBCheck, in process, on a book and collects its messages. Each call uses its own report; EPUBCheck itself
 * is not documented as thread-safe, so calls are serialised.
 */
public final class EpubValidator {
    private EpubValidator() {
    }

    /** Validates {@code epub}; fatal, error and warning messages are kept, information and usage are not. */
    public static synchronized ValidationReport validate(Path epub) throws BadInputException {
        if (!Files.isRegularFile(epub)) {
            throw new BadInputException(epub + ": no such EPUB file");
        }
        Collector report = new Collector();
        report.setEpubFileName(epub.toString());
        new EpubCheck(epub.toFile(), report).doValidate();
        return new ValidationReport("EPUBCheck " + EpubCheck.version(), report.getFatalErrorCount(), report.getErrorCount(),
                report.getWarningCount(), report.lines);
    }

    private static final class Collector extends MasterReport {
        private final List<String> lines = new ArrayList<>();
        private int fatals;
        private int errors;
        private int warnings;

        @Override
        public void message(Message message, EPUBLocation location, Object... args) {
            Severity s = message.getSeverity();
            if (s == Severity.FATAL) {
                fatals++;
            } else if (s == Severity.ERROR) {
                errors++;
            } else if (s == Severity.WARNING) {
                warnings++;
            } else {
                return;
            }
            String where = location == null ? "" : location.getPath()
                    + (location.getLine() > 0 ? ":" + location.getLine() + ":" + location.getColumn() : "");
            lines.add(s + " " + message.getID() + " " + where + " " + message.getMessage(args));
        }

        @Override
        public int getFatalErrorCount() {
            return fatals;
        }

        @Override
        public int getErrorCount() {
            return errors;
        }

        @Override
        public int getWarningCount() {
            return warnings;
        }

        @Override
        public void info(String resource, FeatureEnum feature, String value) {
            // features are not part of the summary
        }

        @Override
        public int generate() {
            return 0;
        }

        @Override
        public void initialize() {
            // nothing to prepare
        }
    }
}
