package io.rawi.narration;

import java.util.function.Consumer;

/**
 * Told as narration advances; called from several threads. {@link #lines} writes a plain line about every tenth of
 * the book (for logs and pipes); the command line shows a bar on a terminal instead, and nothing with {@code --quiet}.
 */
public interface Progress {
    /** Narration of {@code blocks} audio files begins. */
    void start(int blocks);

    /** One more file is done; {@code audioMillis} is its length. */
    void done(String blockId, long audioMillis);

    /** Narration is over (or failed); may be called more than once. */
    void finish();

    static Progress silent() {
        return new Progress() {
            @Override
            public void start(int blocks) {
            }

            @Override
            public void done(String blockId, long audioMillis) {
            }

            @Override
            public void finish() {
            }
        };
    }

    /** Plain lines: "narrated 5/16 audio files, 1.2 min of speech, about 3 s left". */
    static Progress lines(Consumer<String> out) {
        return new Progress() {
            private int total;
            private int done;
            private long audio;
            private long started;
            private int lastTenth;

            @Override
            public synchronized void start(int blocks) {
                total = blocks;
                started = System.nanoTime();
            }

            @Override
            public synchronized void done(String blockId, long audioMillis) {
                done++;
                audio += audioMillis;
                int tenth = done * 10 / Math.max(1, total);
                if (tenth > lastTenth && done < total) {
                    lastTenth = tenth;
                    long elapsed = (System.nanoTime() - started) / 1_000_000;
                    long left = elapsed * (total - done) / done;
                    out.accept(String.format(java.util.Locale.ROOT,
                            "narrated %d/%d audio files, %.1f min of speech, about %d s left",
                            done, total, audio / 60000.0, (left + 999) / 1000));
                }
            }

            @Override
            public void finish() {
            }
        };
    }
}
