package io.rawi.cli;

import io.rawi.narration.Progress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.Locale;

/** A progress bar on the terminal: files narrated, minutes of speech, elapsed time and ETA. */
final class TerminalProgress implements Progress {
    private final PrintStream err;
    private ProgressBar bar;
    private long audio;

    TerminalProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void start(int blocks) {
        bar = new ProgressBarBuilder().setTaskName("narrating").setInitialMax(blocks).setUnit(" files", 1)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err))
                .setUpdateIntervalMillis(250).build();
    }

    @Override
    public synchronized void done(String blockId, long audioMillis) {
        if (bar == null) {
            return;
        }
        audio += audioMillis;
        bar.step();
        bar.setExtraMessage(String.format(Locale.ROOT, "%.1f min of speech", audio / 60000.0));
    }

    @Override
    public synchronized void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
