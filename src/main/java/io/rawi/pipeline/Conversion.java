package io.rawi.pipeline;

import io.rawi.narration.AudioCache;
import io.rawi.narration.Narrator;
import io.rawi.narration.Progress;
import io.rawi.audio.AudioEncoder;
import io.rawi.audio.AudiobookWriter;
import io.rawi.audio.Tags;
import io.rawi.audio.Mp3Encoder;
import io.rawi.audio.NarratedBlock;
import io.rawi.audio.OpusEncoder;
import io.rawi.audio.TimingFiles;
import io.rawi.audio.WavEncoder;
import io.rawi.book.Book;
import io.rawi.book.Chapter;
import io.rawi.book.Imported;
import io.rawi.book.Paragraph;
import io.rawi.book.Sentence;
import io.rawi.book.Granularity;
import io.rawi.check.EpubValidator;
import io.rawi.check.ValidationReport;
import io.rawi.clean.Finding;
import io.rawi.clean.Rules;
import io.rawi.epub.Cover;
import io.rawi.epub.EpubBuilder;
import io.rawi.epub.EpubOptions;
import io.rawi.epub.EpubPackage;
import io.rawi.error.BadInputException;
import io.rawi.error.ProcessingException;
import io.rawi.error.RawiException;
import io.rawi.internal.Folders;
import io.rawi.internal.IoMessages;
import io.rawi.overlay.Overlays;
import io.rawi.speech.SpeechService;
import io.rawi.speech.VoiceRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One conversion, from the assembled book to the published folder: the cover, the EPUB's layout, the narration and
 * its timing files, the overlays, the DAISY book, the zip, the checks and the publication, each a step that
 * {@link Pipeline} runs in order, sharing this state.
 */
final class Conversion {
    /** Where audio meant only for the EPUB is kept until the book is zipped. */
    static final String SCRATCH = ".epub-audio";

    /** The narrated blocks, and who narrated them (for media:narrator). */
    record Narration(List<NarratedBlock> blocks, String narrator) {
    }

    private final Consumer<String> log;
    private final Progress progress;
    private final ConvertOptions options;
    private final Timing timing;
    private final java.util.concurrent.ExecutorService background;
    private final BookAssembler.Assembled assembled;
    private final Book book;
    private final String slug;
    private final List<String> notes = new ArrayList<>();
    private final List<java.util.concurrent.Future<?>> pending = new ArrayList<>();
    private final Optional<EpubOptions.CoverImage> coverImage;
    private Path dir;
    private boolean draw;
    private java.util.concurrent.CompletableFuture<Optional<byte[]>> drawn;

    Conversion(Consumer<String> log, Progress progress, ConvertOptions options, Timing timing,
               java.util.concurrent.ExecutorService background, BookAssembler.Assembled assembled)
            throws RawiException {
        this.log = log;
        this.progress = progress;
        this.options = options;
        this.timing = timing;
        this.background = background;
        this.assembled = assembled;
        this.book = assembled.book();
        this.slug = options.output().slug().isPresent() ? Slugs.checked(options.output().slug().get())
                : Slugs.of(options.book().title().orElse(null), options.sources().inputs().get(0));
        notes.addAll(assembled.notes());
        for (Finding f : assembled.findings()) {
            notes.add(f.paragraph() + ": " + f.message() + (f.leftAlone() ? " (left as written)" : ""));
        }
        this.coverImage = coverImage(options);
    }

    String slug() {
        return slug;
    }

    /** The folder the book is made in. */
    void in(Path folder) {
        dir = folder;
    }

    /** What the cleaner changed and found, beside the book. */
    void writeCleaningReport() throws ProcessingException {
        write(dir.resolve("cleaning.json"), CleaningReport.json(options.sources().inputs(), Rules.standard(),
                assembled.changes(), assembled.findings()));
    }

    /** The cover is drawn (loading fonts takes a while) while the book is narrated. */
    void startCover() {
        Optional<Path> covers = options.cache().folder().map(root -> root.resolve("covers"));
        draw = options.output().cover() && coverImage.isEmpty()
                && book.imported().map(i -> i.coverImage().isEmpty()).orElse(true);
        drawn = draw ? java.util.concurrent.CompletableFuture.supplyAsync(() -> Cover.draw(book.metadata(), covers))
                : java.util.concurrent.CompletableFuture.completedFuture(Optional.empty());
    }

    Optional<EpubOptions.CoverImage> cover() {
        return coverImage.or(() -> drawn.join().map(png -> new EpubOptions.CoverImage(png, "image/png")));
    }

    /**
     * EpubBuilder only lays out the cover it is given; whether one is drawn is decided here alone. The book's
     * documents do not depend on its audio: they are laid out while it is narrated.
     */
    java.util.concurrent.Future<EpubPackage> layOut() {
        return background.submit(() -> EpubBuilder.build(book, new EpubOptions(options.narration().sync() == Granularity.WORD,
                cover())));
    }

    Narration narrate(Pipeline.Engines engines, Staging staging) throws RawiException {
        join(engines.warmUp()); // the engines start each book afresh: nothing may speak before that
        Narration narration = speak(book, options, dir, staging.target(), slug, this::cover,
                timing, join(engines.voices()), background, pending);
        pending.forEach(staging::track);
        timing.lap("narrate");
        return narration;
    }

    EpubPackage laidOut(java.util.concurrent.Future<EpubPackage> laidOut) throws RawiException {
        if (draw && drawn.join().isEmpty()) {
            notes.add("no cover image: no installed font can draw the title «" + book.metadata().title()
                    + "»; install one (e.g. apt-get install fonts-noto-core) to get a cover");
        }
        EpubPackage pkg = join(laidOut);
        timing.lap("lay out the EPUB (cover included; the rest of it, after the narration)");
        return pkg;
    }

    /** The media overlays, from every narrated block (by id, also for the DAISY book). */
    Map<String, NarratedBlock> overlay(EpubPackage pkg, Narration narration) {
        Map<String, NarratedBlock> byId = new LinkedHashMap<>();
        if (narration != null) {
            narration.blocks().forEach(b -> byId.put(b.id(), b));
            Overlays.addTo(pkg, book, byId, options.narration().sync(), narration.narrator());
            timing.lap("overlays");
        }
        return byId;
    }

    /** The DAISY book when asked and the book has text for one; whether there is one. */
    boolean daisy(Map<String, NarratedBlock> byId, Narration narration) throws RawiException {
        boolean talking = options.output().daisy().isPresent() && io.rawi.daisy.Daisy202.hasText(book);
        if (options.output().daisy().isPresent() && !talking) {
            notes.add("no DAISY book: " + options.sources().inputs().get(0) + " has no text to carry (its pages are images "
                    + "or drawings)");
        }
        if (talking) { // from the narration, or text only (no audio at all)
            writeDaisy(options.output().daisy().get(), book, byId, dir, narration == null ? null : narration.narrator());
            timing.lap("DAISY " + options.output().daisy().get());
        }
        return talking;
    }

    Path zip(EpubPackage pkg) throws RawiException {
        Path epub = dir.resolve(slug + ".epub");
        try (java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(epub,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                java.nio.file.StandardOpenOption.WRITE)) {
            pkg.write(out);
            timing.lap("zip the EPUB");
        } catch (IOException e) {
            throw new ProcessingException(epub + ": cannot write the EPUB (" + IoMessages.reason(e) + ")", e);
        }
        return epub;
    }

    void awaitBackground() throws RawiException {
        for (java.util.concurrent.Future<?> task : pending) {
            join(task);
        }
        timing.lap("wait for the timing files and the cache");
    }

    /** With {@code --validate}: the EPUB's report, after the DAISY book's, if any, passed too. */
    Optional<ValidationReport> validate(Path epub, boolean talking, Path target) throws RawiException {
        if (!options.output().validate()) {
            return Optional.empty();
        }
        ValidationReport report = EpubValidator.validate(epub);
        if (!report.clean()) {
            report.messages().forEach(log);
            throw new ProcessingException(target + ": the new book failed validation (" + report.summary()
                    + "); the previous book, if any, was left in place");
        }
        if (talking) {
            String version = options.output().daisy().get();
            String name = version.equals("3") ? "3" : "2.02";
            ValidationReport daisy = version.equals("3")
                    ? io.rawi.check.Daisy3Validator.validate(dir.resolve(io.rawi.daisy.Daisy3.FOLDER))
                    : io.rawi.check.Daisy202Validator.validate(dir.resolve(io.rawi.daisy.Daisy202.FOLDER));
            if (!daisy.clean()) {
                daisy.messages().forEach(log);
                throw new ProcessingException(target + ": the new DAISY " + name + " book failed validation ("
                        + daisy.summary() + "); the previous book, if any, was left in place");
            }
            notes.add("DAISY " + name + " book: " + daisy.summary());
        }
        return Optional.of(report);
    }

    ConvertResult publish(Staging staging, Path epub, Optional<ValidationReport> validation)
            throws RawiException {
        Folders.deleteTree(dir.resolve(SCRATCH));
        if (Thread.interrupted()) { // the background server's client went away: it no longer wants this book
            throw new ProcessingException(staging.target() + ": the conversion was interrupted; the previous book, "
                    + "if any, was left in place");
        }
        staging.publish();
        timing.lap("publish");
        Path folder = staging.target();
        return new ConvertResult(folder, folder.resolve(epub.getFileName()),
                (int) book.bodyParagraphs().count(), assembled.changes().size(), validation, notes);
    }

    /** The DAISY talking book (2.02 or 3), beside the EPUB in the book's folder, from the same narration. */
    private static void writeDaisy(String version, Book book, Map<String, NarratedBlock> byId, Path dir,
                                   String narrator) throws RawiException {
        try {
            if (version.equals("3")) {
                io.rawi.daisy.Daisy3.write(book, byId, dir, dir.resolve(io.rawi.daisy.Daisy3.FOLDER), narrator, "rawi");
            } else {
                io.rawi.daisy.Daisy202.write(book, byId, dir, dir.resolve(io.rawi.daisy.Daisy202.FOLDER), narrator,
                        "rawi");
            }
        } catch (IOException e) {
            throw new ProcessingException(dir + ": cannot write the DAISY " + version + " book ("
                    + IoMessages.reason(e) + ")", e);
        }
    }

    /** Writes the audiobook: a chapter for the title page and one per chapter, tagged like the book. */
    private void finishAudiobook(AudiobookWriter audiobook, Book book, List<NarratedBlock> narration,
                                 Optional<EpubOptions.CoverImage> cover) throws RawiException {
        // chapters start at indexes of the narrated blocks: those shown but not narrated (Book.silent) have no audio
        List<AudiobookWriter.Chapter> chapters = new ArrayList<>();
        int first = narrated(book, book.titlePage());
        if (first > 0) {
            chapters.add(new AudiobookWriter.Chapter(book.metadata().title(), 0));
        }
        for (Chapter c : book.chapters()) {
            chapters.add(new AudiobookWriter.Chapter(c.heading().text(), first));
            first += narrated(book, List.of(c.heading())) + narrated(book, c.paragraphs());
        }
        if (book.imported().isPresent()) {
            for (Imported.Document d : book.imported().get().documents()) {
                if (!d.paragraphs().isEmpty()) {
                    chapters.add(new AudiobookWriter.Chapter(d.title(), first));
                    first += narrated(book, d.paragraphs());
                }
            }
        }
        String artist = book.metadata().authors().isEmpty() ? narration.get(0).voice()
                : String.join(", ", book.metadata().authors());
        Tags tags = new Tags(book.metadata().title(), book.metadata().title(), artist, 0, 0,
                book.metadata().language().tag());
        Optional<byte[]> image = cover.map(EpubOptions.CoverImage::bytes);
        long ms = audiobook.finish(chapters, tags, image, cover.map(EpubOptions.CoverImage::mediaType).orElse("image/png"));
        log.accept("audiobook: " + chapters.size() + " chapters, " + ms / 1000 + " s");
    }

    private static int narrated(Book book, List<Paragraph> blocks) {
        return (int) blocks.stream().filter(p -> !book.silent().contains(p.id())).count();
    }

    /** The cover file given with {@code --cover}, checked to be a PNG or JPEG. */
    private static Optional<EpubOptions.CoverImage> coverImage(ConvertOptions options) throws RawiException {
        if (options.output().coverFile().isEmpty() || !options.output().cover()) {
            return Optional.empty();
        }
        Path file = options.output().coverFile().get();
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such cover image");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String type = EpubOptions.CoverImage.sniff(bytes).orElseThrow(() -> new BadInputException(file
                    + ": not a PNG or JPEG image; a cover must be one of those"));
            return Optional.of(new EpubOptions.CoverImage(bytes, type));
        } catch (IOException e) {
            throw new ProcessingException(file + ": cannot read the cover (" + IoMessages.reason(e) + ")", e);
        }
    }

    /** Speaks the book into {@code dir/audio/} and writes the timing files beside it. */
    private Narration speak(Book book, ConvertOptions options, Path dir, Path previousBook, String slug,
                              java.util.function.Supplier<Optional<EpubOptions.CoverImage>> cover, Timing timing,
                              VoiceRegistry voices, java.util.concurrent.ExecutorService background,
                              List<java.util.concurrent.Future<?>> pending)
            throws RawiException {
        AudioEncoder encoder = switch (options.narration().audioFormat()) {
            case "wav" -> new WavEncoder();
            case "opus" -> new OpusEncoder();
            default -> new Mp3Encoder();
        };
        AudioEncoder forEpub = options.narration().audioFormat().equals("wav") ? new Mp3Encoder() : null;
        List<NarratedBlock> narration;
        AudiobookWriter audiobook = null;
        try (SpeechService speech = new SpeechService(voices, SpeechService.installedProviders(), options.narration().voice(),
                options.narration().backend())) {
            if (options.narration().audiobook().isPresent()) {
                audiobook = new AudiobookWriter(options.narration().audiobook().get(),
                        dir.resolve(slug + "." + options.narration().audiobook().get().extension()), dir.resolve(SCRATCH),
                        book.narrated().size(), options.narration().sampleRate() > 0 ? options.narration().sampleRate() : AudiobookWriter.RATE);
            }
            timing.lap("narrate: voices and speech service");
            AudioCache cache = options.cache().folder().map(root -> new AudioCache(root, options.cache().limitMb() << 20)).orElse(null);
            narration = new Narrator(speech, encoder, forEpub, options.narration().jobs(), log, progress, cache, options.narration().sampleRate(),
                    options.narration().diacritize(), timing.profile)
                    .narrate(book, dir, previousBook, dir.resolve(SCRATCH), audiobook);
            timing.lap("narrate: speak, encode or take from the cache");
            timing.cpu();
            if (cache != null) {
                pending.add(background.submit(cache::trim));
            }
            if (audiobook != null) {
                finishAudiobook(audiobook, book, narration, cover.get());
            }
        } finally {
            if (audiobook != null) {
                audiobook.close();
            }
        }
        Map<String, String> texts = new HashMap<>();
        for (Paragraph p : book.blocks()) {
            texts.put(p.id(), p.text());
            for (Sentence s : p.sentences()) {
                texts.put(s.id(), s.text());
                s.words().forEach(w -> texts.put(w.id(), w.text()));
            }
        }
        String title = book.metadata().title();
        List<NarratedBlock> blocks = narration;
        // the blocks eSpeak NG judged: Arabic, spoken by an eSpeak NG voice in process
        java.util.Set<String> arabic = new java.util.HashSet<>();
        book.narrated().stream().filter(io.rawi.speech.SpeechText::vowelled).forEach(p -> arabic.add(p.id()));
        boolean inProcess = io.rawi.speech.EspeakProvider.inProcess();
        int judged = inProcess ? (int) narration.stream().filter(b -> arabic.contains(b.id()) && voices.byId(b.voice())
                .map(v -> v.backend().equals("espeak")).orElse(false)).count() : 0;
        pending.add(background.submit(() -> {
            writeWith(dir.resolve("timings.json"), out -> TimingFiles.json(title, blocks, texts::get, out));
            writeWith(dir.resolve(slug + ".vtt"), out -> TimingFiles.vtt(blocks, texts::get, out));
            writeWith(dir.resolve(slug + ".m3u8"), out -> TimingFiles.m3u8(title, blocks, texts::get, out));
            writeWith(dir.resolve("pronunciation.json"), out -> io.rawi.audio.PronunciationReport.json(blocks,
                    judged, out));
            return null;
        }));
        String narrator = String.join(", ", narration.stream().map(NarratedBlock::voice).distinct()
                .map(id -> voices.byId(id).map(v -> v.name() + ", synthetic voice").orElse(id)).toList());
        return new Narration(narration, narrator);
    }

    private static <T> T join(java.util.concurrent.Future<T> task) throws RawiException {
        return io.rawi.internal.Futures.join(task, "the conversion");
    }

    /** What writes a file's text, as it is made. */
    private interface TextWriter {
        void writeTo(java.io.Writer out) throws IOException;
    }

    /** Writes {@code file} (UTF-8) as {@code text} makes it: a large file is never whole in memory. */
    private static void writeWith(Path file, TextWriter text) throws ProcessingException {
        try (java.io.Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            text.writeTo(out);
        } catch (IOException e) {
            throw new ProcessingException(file + ": cannot write (" + IoMessages.reason(e) + ")", e);
        }
    }

    static void write(Path file, String text) throws ProcessingException {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProcessingException(file + ": cannot write (" + IoMessages.reason(e) + ")", e);
        }
    }
}
