package io.rawi.pipeline;

import io.rawi.narration.AudioCache;
import io.rawi.narration.Progress;

import io.rawi.audio.Mp3Encoder;
import io.rawi.audio.NarratedBlock;
import io.rawi.check.ValidationReport;
import io.rawi.epub.EpubPackage;
import io.rawi.error.RawiException;
import io.rawi.speech.SpeechService;
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


    /** @param log receives notes, one line each; progress goes to plain lines on it too */
    public Pipeline(Consumer<String> log) {
        this(log, Progress.lines(log));
    }

    /**
     * @param log      receives notes, one line each
     * @param progress told as narration advances
     */
    public Pipeline(Consumer<String> log, Progress progress) {
        this.log = log;
        this.progress = progress;
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
            background.shutdownNow();
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
        try (Staging staging = Staging.open(options.outputDir(), run.slug())) {
            run.in(staging.dir());
            run.writeCleaningReport();
            run.startCover();
            java.util.concurrent.Future<EpubPackage> laidOut = run.layOut();
            Conversion.Narration narration = options.audio() ? run.narrate(engines, staging) : null;
            EpubPackage pkg = run.laidOut(laidOut);
            Map<String, NarratedBlock> byId = run.overlay(pkg, narration);
            boolean talking = run.daisy(byId, narration);
            Path epub = run.zip(pkg);
            run.awaitBackground();
            Optional<ValidationReport> validation = run.validate(epub, talking, staging.target());
            return run.publish(staging, epub, validation);
        }
    }

    /** The voices and the speech and audio libraries, being loaded in the background (none without narration). */
    record Engines(java.util.concurrent.Future<VoiceRegistry> voices, java.util.concurrent.Future<?> warmUp) {
    }

    /** Starts loading the voices and the libraries, or takes what {@link #warmUpEarly} began. */
    private static Engines startEngines(ConvertOptions options, java.util.concurrent.ExecutorService background) {
        EarlyWarmUp early = EARLY.getAndSet(null);
        if (!options.audio()) {
            return new Engines(null, null);
        }
        Path folder = options.voicesDir().orElseGet(VoiceRegistry::defaultFolder);
        return new Engines(early != null && folder.equals(early.folder) ? early.voices
                : background.submit(() -> VoiceRegistry.load(folder)),
                early != null ? early.libraries : background.submit(Pipeline::warmUpLibraries));
    }



    /** The speech and audio libraries, loaded and started before the first paragraph needs them. */
    private static void warmUpLibraries() {
        SpeechService.installedProviders().forEach(io.rawi.speech.SpeechProvider::warmUp);
        Mp3Encoder.load();
        AudioCache.warmUp();
    }

    /** A warm-up begun before the command line was read: the libraries, then the voices of {@code folder}. */
    private record EarlyWarmUp(java.util.concurrent.FutureTask<Void> libraries, Path folder,
                               java.util.concurrent.FutureTask<VoiceRegistry> voices) {
    }

    private static final java.util.concurrent.atomic.AtomicReference<EarlyWarmUp> EARLY =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * Starts loading the speech and audio libraries and the default voices on a thread of their own, for a
     * conversion about to be parsed from the command line: a cold start spends about a tenth of a second reading
     * the command line, and this work then runs beside it instead of after it. The next {@link #convert} uses what
     * it loaded (the voices only if it uses the default folder); unused, it costs nothing but that thread's time.
     */
    public static void warmUpEarly() {
        Path folder = VoiceRegistry.defaultFolder();
        EarlyWarmUp early = new EarlyWarmUp(new java.util.concurrent.FutureTask<>(Pipeline::warmUpLibraries, null),
                folder, new java.util.concurrent.FutureTask<>(() -> VoiceRegistry.load(folder)));
        Thread thread = new Thread(() -> {
            early.libraries().run();
            early.voices().run();
        }, "rawi-warm-up");
        thread.setDaemon(true);
        EARLY.set(early);
        thread.start();
        // the Arabic diacritizer's model takes a few hundred milliseconds to read: beside the start, not after it
        Thread vowels = new Thread(io.rawi.diacritize.Diacritizer::arabic, "rawi-diacritizer");
        vowels.setDaemon(true);
        vowels.start();
    }

    /** Whether {@code RAWI_TIMING} asks for the profile of each conversion. */
    public static final boolean TIMING = System.getenv("RAWI_TIMING") != null;


    /** Where narrated blocks are cached unless told otherwise. */
    public static Path defaultCache() {
        return AudioCache.defaultRoot();
    }









}
