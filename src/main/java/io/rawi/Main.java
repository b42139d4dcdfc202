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
        if (args.length == 2 && args[0].equals("daemon") && args[1].equals("stop")) {
            int n = io.rawi.cli.DaemonClient.stopAll();
            err.println("rawi: stopped " + n + " background server" + (n == 1 ? "" : "s"));
            System.exit(0);
        }
        if ("1".equals(System.getProperty("rawi.daemon"))) { // RAWI_DAEMON=1: conversions run in a warm background server
            System.exit(io.rawi.cli.DaemonClient.run(args, out, err));
        }
        // the speech libraries and voices load beside the command line's parsing, which takes a while cold
        io.rawi.pipeline.WarmUp warmUp = args.length > 0 && args[0].equals("convert")
                && !java.util.List.of(args).contains("--no-audio") ? io.rawi.pipeline.WarmUp.start()
                : io.rawi.pipeline.WarmUp.none();
        if (System.getenv("RAWI_DEBUG") == null) {
            // libraries print on the standard streams (FreeTTS's "Can't find diphone", parsers' warnings); rawi
            // writes its own output through out and err, so whatever else reaches System.out or System.err is noise
            PrintStream nowhere = new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            System.setOut(nowhere);
            System.setErr(nowhere);
        }
        // once the JVM stops (Ctrl-C, SIGTERM), whatever then fails is reported as the interruption it is
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(io.rawi.internal.Interruption::begin, "rawi-stopping"));
        } catch (IllegalStateException stopping) { // Ctrl-C during start-up: nothing begun, nothing to say
            return;
        }
        System.exit(new Cli(out, err, warmUp).run(args));
    }
}
