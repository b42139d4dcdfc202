package io.rawi.pipeline;

import io.rawi.audio.Mp3Encoder;
import io.rawi.narration.AudioCache;
import io.rawi.speech.SpeechService;
import io.rawi.speech.VoiceRegistry;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The speech and audio libraries and the voices, loaded ahead of a conversion. The command line makes one before it
 * parses its arguments ({@link #start}), since a cold start spends about a tenth of a second reading them, and this
 * work then runs beside that instead of after it; it hands the warm-up to the {@link Pipeline}, whose first conversion
 * uses what it loaded (the voices only if it reads the same folder). {@link #none} loads nothing ahead: each
 * conversion then starts the same work in the background while it reads its text.
 */
public final class WarmUp {
    private final FutureTask<Void> libraries;
    private final Path folder;
    private final FutureTask<VoiceRegistry> voices;
    private final AtomicBoolean taken = new AtomicBoolean();

    private WarmUp(FutureTask<Void> libraries, Path folder, FutureTask<VoiceRegistry> voices) {
        this.libraries = libraries;
        this.folder = folder;
        this.voices = voices;
    }

    /** Nothing loaded ahead. */
    public static WarmUp none() {
        WarmUp none = new WarmUp(null, null, null);
        none.taken.set(true);
        return none;
    }

    /**
     * Starts loading the libraries on a thread of their own, and the default voices then the Arabic diacritizer's
     * model on another; unused, it costs nothing but those threads' time.
     */
    public static WarmUp start() {
        Path folder = VoiceRegistry.defaultFolder();
        WarmUp w = new WarmUp(new FutureTask<>(WarmUp::libraries, null), folder,
                new FutureTask<>(() -> VoiceRegistry.load(folder)));
        Thread thread = new Thread(w.libraries, "rawi-warm-up");
        thread.setDaemon(true);
        thread.start();
        // the voices are needed as soon as the text is read, the model only for the first paragraph to speak
        Thread voices = new Thread(() -> {
            w.voices.run();
            io.rawi.diacritize.Diacritizer.arabic();
        }, "rawi-voices");
        voices.setDaemon(true);
        voices.start();
        return w;
    }

    /**
     * The engines for a conversion reading voices from {@code voicesFolder}: what this warm-up loaded, the first time
     * it is asked; else the same work, begun now on {@code background}.
     */
    Pipeline.Engines engines(Path voicesFolder, ExecutorService background) {
        boolean mine = taken.compareAndSet(false, true);
        return new Pipeline.Engines(mine && voicesFolder.equals(folder) ? voices
                : background.submit(() -> VoiceRegistry.load(voicesFolder)),
                mine ? libraries : background.submit(WarmUp::libraries));
    }

    /** The speech and audio libraries, loaded and started before the first paragraph needs them. */
    private static void libraries() {
        SpeechService.installedProviders().forEach(io.rawi.speech.SpeechProvider::warmUp);
        Mp3Encoder.load();
        AudioCache.warmUp();
    }
}
