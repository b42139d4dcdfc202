package io.rawi.cli;

import io.rawi.error.RawiException;

import java.io.PrintStream;

/** A subcommand: its arguments are JCommander fields; {@link #run} does the work. */
interface Command {
    /** Whether {@code --help} was given to this command. */
    boolean help();

    /** Runs the command and returns the exit code. */
    int run(PrintStream out, PrintStream err) throws RawiException;
}
