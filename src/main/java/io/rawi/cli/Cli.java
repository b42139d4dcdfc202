package io.rawi.cli;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterException;
import io.rawi.error.RawiException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Properties;

/**
 * Parses the command line and runs one command. Exit codes: 0 ok, 1 failure while working, 2 bad usage or input.
 * Errors are one line on the error stream, never a stack trace (set {@code RAWI_DEBUG=1} to get one).
 *
 * <pre>{@code
 * int status = new Cli(System.out, System.err).run(new String[] {"convert", "article.txt", "--no-audio"});
 * }</pre>
 */
public final class Cli {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final io.rawi.pipeline.WarmUp warmUp;
    private boolean outOfMemory;

    /** Writes to {@code out} and {@code err}; progress is a bar when this process has a terminal. */
    public Cli(PrintStream out, PrintStream err) {
        this(out, err, System.console() != null);
    }

    /** @param terminal whether {@code err} goes to a terminal (for the background server, the client's) */
    public Cli(PrintStream out, PrintStream err, boolean terminal) {
        this(out, err, terminal, io.rawi.pipeline.WarmUp.none());
    }

    /** With a terminal as for this process, and {@code warmUp} for its first conversion (see {@link io.rawi.Main}). */
    public Cli(PrintStream out, PrintStream err, io.rawi.pipeline.WarmUp warmUp) {
        this(out, err, System.console() != null, warmUp);
    }

    private Cli(PrintStream out, PrintStream err, boolean terminal, io.rawi.pipeline.WarmUp warmUp) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.warmUp = warmUp;
    }

    /** Runs {@code args} and returns the exit code. */
    public int run(String... args) {
        MainArgs main = new MainArgs();
        java.util.Map<String, Command> commands = new java.util.LinkedHashMap<>();
        commands.put("convert", new ConvertCommand());
        commands.put("clean", new CleanCommand());
        commands.put("spoken", new SpokenCommand());
        commands.put("diacritize", new DiacritizeCommand());
        commands.put("check", new CheckCommand());
        commands.put("voices", new VoicesCommand());
        commands.put("sideload", new SideloadCommand());
        JCommander.Builder builder = JCommander.newBuilder().programName("rawi").addObject(main);
        // JCommander reads the annotations of every command it is given, which takes a cold start tens of
        // milliseconds: when the first argument names a command, only that one is given (its usage and errors are
        // the same); otherwise all are, for the overall usage and for what the mistake was
        if (args.length > 0 && commands.containsKey(args[0])) {
            builder.addCommand(args[0], commands.get(args[0]));
        } else {
            commands.forEach(builder::addCommand);
        }
        JCommander jc = builder.build();
        try {
            jc.parse(args);
        } catch (ParameterException e) {
            String command = jc.getParsedCommand();
            err.println("rawi: " + io.rawi.internal.IoMessages.name(e.getMessage()) + " (see 'rawi " + (command == null ? "" : command + " ") + "--help')");
            return 2;
        }
        if (main.version) {
            out.println("rawi " + version());
            return 0;
        }
        String command = jc.getParsedCommand();
        if (command == null || main.help) {
            out.print(usage(jc, null));
            return command == null && !main.help ? 2 : 0;
        }
        Command chosen = commands.get(command);
        if (chosen.help) {
            out.print(usage(jc, command));
            return 0;
        }
        chosen.terminal = terminal;
        chosen.warmUp = warmUp;
        try {
            return chosen.run(out, err);
        } catch (RuntimeException | RawiException e) {
            return failedOrInterrupted(command, e);
        } catch (OutOfMemoryError e) {
            outOfMemory = true;
            err.println("rawi " + command + ": out of memory (Java heap of " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB) with " + String.join(" ", args) + "; the input is too large for it: give more with "
                    + "RAWI_JAVA_OPTS=-Xmx1g, or split the input. The previous book, if any, was left in place");
            return 1;
        } catch (Error e) { // a broken class, a stack overflow: said in one line, like any other internal error
            return failedOrInterrupted(command, e);
        }
    }

    /** Reports a failure, or the interruption that caused it; returns the exit code. */
    private int failedOrInterrupted(String command, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && "Shutdown in progress".equals(t.getMessage())) {
                io.rawi.internal.Interruption.begin(); // a signal came before anything that cleans up was registered
            }
        }
        if (io.rawi.internal.Interruption.stopping()) { // Ctrl-C or SIGTERM: what failed on the way out is not news
            err.println("rawi " + command + ": interrupted; nothing was left half-written (a previous book, if "
                    + "any, is as it was)");
            io.rawi.internal.Interruption.reported();
            debug(e);
            return io.rawi.internal.Interruption.EXIT_CODE;
        }
        return failed(command, e);
    }

    /** Reports a failed command; returns its exit code. */
    private int failed(String command, Throwable e) {
        if (e instanceof RawiException re) {
            // a file name may hold a newline or ESC: escaped, it cannot forge lines or send terminal codes
            err.println("rawi " + command + ": " + io.rawi.internal.IoMessages.name(re.getMessage()));
            debug(re);
            return re.exitCode();
        }
        err.println("rawi " + command + ": internal error: " + io.rawi.internal.IoMessages.name(String.valueOf(e))
                + " (please report it, with the input; RAWI_DEBUG=1 shows the stack trace)");
        debug(e);
        return 1;
    }

    /** Whether the last {@link #run} ran out of memory (and said so). */
    public boolean ranOutOfMemory() {
        return outOfMemory;
    }

    private void debug(Throwable e) {
        if (System.getenv("RAWI_DEBUG") != null) {
            e.printStackTrace(err);
        }
    }

    private static String usage(JCommander jc, String command) {
        StringBuilder sb = new StringBuilder();
        if (command == null) {
            jc.getUsageFormatter().usage(sb);
        } else {
            jc.getUsageFormatter().usage(command, sb);
        }
        return sb.toString();
    }

    /** rawi's version, from the build. */
    public static String version() {
        try (InputStream in = Cli.class.getResourceAsStream("/io/rawi/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
