package io.rawi.cli;

import com.beust.jcommander.Parameter;

/** Options that come before any command. */
final class MainArgs {
    @Parameter(names = {"--help", "-h"}, help = true, description = "Show this help")
    boolean help;

    @Parameter(names = {"--version", "-V"}, description = "Print rawi's version")
    boolean version;
}
