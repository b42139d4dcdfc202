package io.rawi.cli;

import com.beust.jcommander.Parameter;
import io.rawi.error.RawiException;

import java.io.PrintStream;

/** A subcommand: its arguments are JCommander fields (this class gives every command {@code --help}). */
abstract class Command {
    @Parameter(names = {"--help", "-h"}, help = true, description = "Show this help")
    boolean help;

    /** Whether the error stream is a terminal (a progress bar) rather than a log (plain lines). */
    boolean terminal;
    /** What was loaded ahead for the first conversion (see {@link io.rawi.pipeline.WarmUp}). */
    io.rawi.pipeline.WarmUp warmUp = io.rawi.pipeline.WarmUp.none();

    /** Runs the command and returns the exit code. */
    abstract int run(PrintStream out, PrintStream err) throws RawiException;
}
