package io.rawi.pipeline;

import io.rawi.narration.AudioCache;
import io.rawi.narration.Progress;

import io.rawi.audio.NarratedBlock;
import io.rawi.check.ValidationReport;
import io.rawi.epub.EpubPackage;
import io.rawi.error.RawiException;
import io.rawi.speech.VoiceRegistry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Drives the stages: read → clean → segment → (speak → encode) → publish. The book's folder is written beside its
 * final place and moved there only when complete.
 *
 * <pre>{@code
 * ConvertResult r = new Pipeline(System.err::println).convert(ConvertOptions.defaults(List.of(Path.of("a.txt"))));
 * }</pre>
 */
public final class Pipeline {
    private final Consumer<String> log;
    private final Progress progress;
    private final WarmUp warmUp;


    /** @param log receives notes, one line each; progress goes to plain lines on it too */
    public Pipeline(Consumer<String> log) {
        this(log, Progress.lines(log));
    }

    /**
     * @param log      receives notes, one line each
     * @param progress told as narration advances
     */
    public Pipeline(Consumer<String> log, Progress progress) {
        this(log, progress, WarmUp.none());
    }

    /** As {@link #Pipeline(Consumer, Progress)}, its first conversion using what {@code warmUp} loaded ahead. */
    public Pipeline(Consumer<String> log, Progress progress, WarmUp warmUp) {
        this.log = log;
        this.progress = progress;
        this.warmUp = warmUp;
    }

    /** Reads and cleans the inputs into a book, without writing anything. */
    public BookAssembler.Assembled assemble(ConvertOptions options) throws RawiException {
        return new BookAssembler().assemble(options);
    }

    public ConvertResult convert(ConvertOptions options) throws RawiException {
        Timing timing = new Timing(log);
        java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "rawi-background");
            t.setDaemon(true);
            return t;
        });
        try {
            return convert(options, timing, background);
        } finally {
            stop(background);
        }
    }

    /**
     * Stops the background work and waits for it: after a failure, work still under way (the cover being drawn into
     * the cache, the timing files) would otherwise go on writing after the conversion has returned.
     */
    private static void stop(java.util.concurrent.ExecutorService background) {
        background.shutdownNow();
        try {
            background.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // a second Ctrl-C: leave at once
        }
    }

    /**
     * The conversion, with {@code background} for work that can overlap: while the text is read, the voices are
     * loaded and the speech and audio libraries started; after narration, the timing files are written and the cache
     * trimmed while the EPUB is laid out and zipped. Everything in the background is joined before the book is
     * published, and its errors are the conversion's.
     */
    private ConvertResult convert(ConvertOptions options, Timing timing,
                                  java.util.concurrent.ExecutorService background) throws RawiException {
        Engines engines = startEngines(options, background); // beside the reading, which needs neither
        BookAssembler.Assembled assembled = assemble(options);
        timing.lap("read, clean, segment");
        Conversion run = new Conversion(log, progress, options, timing, background, assembled);
        try (Staging staging = Staging.open(options.output().folder(), run.slug())) {
            run.in(staging.dir());
            run.writeCleaningReport(staging); // in the background, joined before publishing
            run.startCover();
            java.util.concurrent.Future<EpubPackage> laidOut = run.layOut();
            Conversion.Narration narration = options.narration().audio() ? run.narrate(engines, staging) : null;
            EpubPackage pkg = run.laidOut(laidOut);
            Path epub;
            boolean talking;
            Map<String, NarratedBlock> byId = Conversion.byId(narration);
            try (EpubZip zip = run.startZip(pkg, narration, byId, staging)) { // its audio, while the overlays are made
                run.overlay(pkg, narration, byId);
                talking = run.daisy(byId, narration);
                epub = run.zip(pkg, zip);
            }
            run.awaitBackground();
            Optional<ValidationReport> validation = run.validate(epub, talking, staging.target());
            return run.publish(staging, epub, validation);
        }
    }

    /** The voices and the speech and audio libraries, being loaded in the background (none without narration). */
    record Engines(java.util.concurrent.Future<VoiceRegistry> voices, java.util.concurrent.Future<?> warmUp) {
    }

    /** Starts loading the voices and the libraries, or takes what the warm-up began. */
    private Engines startEngines(ConvertOptions options, java.util.concurrent.ExecutorService background) {
        if (!options.narration().audio()) {
            return new Engines(null, null);
        }
        return warmUp.engines(options.narration().voicesDir().orElseGet(VoiceRegistry::defaultFolder), background);
    }

    /** Whether {@code RAWI_TIMING} asks for the profile of each conversion. */
    public static final boolean TIMING = System.getenv("RAWI_TIMING") != null;


    /** Where narrated blocks are cached unless told otherwise. */
    public static Path defaultCache() {
        return AudioCache.defaultRoot();
    }









}
