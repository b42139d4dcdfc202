package io.rawi.check;

import java.util.List;

/**
 * What a validator (EPUBCheck, or the DAISY Pipeline's rules) said about a book.
 *
 * @param checkerVersion the validator and its version, as the summary names it
 * @param messages       one line per message: severity, id, location and text
 */
public record ValidationReport(String checkerVersion, int fatals, int errors, int warnings, List<String> messages) {
    public ValidationReport {
        messages = List.copyOf(messages);
    }

    /** No fatal errors, errors or warnings. */
    public boolean clean() {
        return fatals == 0 && errors == 0 && warnings == 0;
    }

    /** One line: {@code EPUBCheck 5.3.0: 0 fatal, 0 errors, 0 warnings}. */
    public String summary() {
        return checkerVersion + ": " + fatals + " fatal, " + errors + " errors, " + warnings + " warnings";
    }
}
