package io.rawi.pipeline;

import io.rawi.audio.NarratedBlock;
import io.rawi.book.Book;
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
import io.rawi.narration.Progress;
import io.rawi.overlay.Overlays;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /** What the cleaner changed and found, beside the book: written in the background, joined before publishing. */
    void writeCleaningReport(Staging staging) {
        java.util.concurrent.Future<?> report = background.submit(() -> {
            write(dir.resolve("cleaning.json"), CleaningReport.json(options.sources().inputs(), Rules.standard(),
                    assembled.changes(), assembled.findings()));
            return null;
        });
        pending.add(report);
        staging.track(report);
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
        int before = pending.size(); // the cleaning report is tracked already
        Narration narration = new NarrationStep(log, progress).speak(book, options, dir, staging.target(), slug,
                this::cover, timing, join(engines.voices()), background, pending);
        pending.subList(before, pending.size()).forEach(staging::track);
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

    /** The media overlays, from every narrated block ({@code byId}, from {@link #byId}). */
    void overlay(EpubPackage pkg, Narration narration, Map<String, NarratedBlock> byId) {
        if (narration != null) {
            Overlays.addTo(pkg, book, byId, options.narration().sync(), narration.narrator());
            timing.lap("overlays");
        }
    }

    /** The narrated blocks by id (none without narration), for the zip, the overlays and the DAISY book. */
    static Map<String, NarratedBlock> byId(Narration narration) {
        Map<String, NarratedBlock> byId = new LinkedHashMap<>();
        if (narration != null) {
            narration.blocks().forEach(b -> byId.put(b.id(), b));
        }
        return byId;
    }

    /**
     * The EPUB file; begun now, for a narrated book rawi makes, with its audio files, copied on a background thread
     * while the overlays are made ({@link EpubZip}). A book that patches another is written whole by {@link #zip}.
     */
    EpubZip startZip(EpubPackage pkg, Narration narration, Map<String, NarratedBlock> byId, Staging staging)
            throws RawiException {
        EpubZip zip = new EpubZip(dir.resolve(slug + ".epub"));
        if (narration != null && pkg.original().isEmpty()) {
            zip.start(Overlays.audio(pkg, book, byId), book.metadata().modified(), background, staging);
        }
        return zip;
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

    Path zip(EpubPackage pkg, EpubZip zip) throws RawiException {
        zip.finish(pkg);
        timing.lap("zip the EPUB");
        return zip.file();
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

    private static <T> T join(java.util.concurrent.Future<T> task) throws RawiException {
        return io.rawi.internal.Futures.join(task, "the conversion");
    }

    static void write(Path file, String text) throws ProcessingException {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProcessingException(file + ": cannot write (" + IoMessages.reason(e) + ")", e);
        }
    }
}
