package io.rawi;

import io.rawi.cli.Cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The {@code rawi} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new Cli(out, err).run(args));
    }
}
