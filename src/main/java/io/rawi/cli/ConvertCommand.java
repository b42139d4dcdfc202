package io.rawi.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import io.rawi.audio.AudiobookWriter;
import io.rawi.book.Granularity;
import io.rawi.book.Language;
import io.rawi.clean.CleanOptions;
import io.rawi.error.BadInputException;
import io.rawi.error.RawiException;
import io.rawi.narration.Progress;
import io.rawi.pipeline.ConvertOptions;
import io.rawi.pipeline.ConvertResult;
import io.rawi.pipeline.Pipeline;
import io.rawi.source.Inputs;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@Parameters(commandDescription = "Convert articles into a narrated EPUB 3 book. Writes output/<slug>/: <slug>.epub "
        + "(e-readers and apps; read-aloud with highlighting), audio/*.mp3 with <slug>.m3u8 (any player), <slug>.vtt "
        + "(captions on the playlist's timeline), with --audiobook <slug>.mp3 or .m4b (audiobook players, chapters), "
        + "timings.json and cleaning.json. 'rawi sideload' copies the book onto a reader.")
final class ConvertCommand extends Command {
    @Parameter(description = "INPUT...  (text, Markdown, HTML or EPUB files, http(s) URLs, or - for standard input; "
            + "several make one book with a chapter each, or one book each with --each)", required = true)
    List<String> inputs = new ArrayList<>();

    @Parameter(names = {"-o", "--output"}, description = "Folder to write <slug>/ into")
    String output = "output";

    @Parameter(names = "--slug", description = "Name of the book's folder and files (default: from the title or input name)")
    String slug;

    @Parameter(names = {"-t", "--title"}, description = "Book title (default: the headline, else the first sentence)")
    String title;

    @Parameter(names = {"-a", "--author"}, description = "Author; repeat for several")
    List<String> authors = new ArrayList<>();

    @Parameter(names = {"-l", "--lang"}, converter = Converters.LanguageConverter.class,
            description = "Language as a BCP 47 tag, e.g. ar, fa, en (default: detected from the script)")
    Language language;

    @Parameter(names = "--date", converter = Converters.InstantConverter.class,
            description = "Modification time for dcterms:modified, 2025-01-15 or 2025-01-15T10:20:30Z "
                    + "(default: now, or SOURCE_DATE_EPOCH)")
    Instant date;

    @Parameter(names = "--identifier", description = "Book identifier: a UUID or a URN (default: derived from the content)")
    String identifier;

    @Parameter(names = "--no-diacritize", description = "Speak Arabic as written, without restoring the short vowels "
            + "it lacks")
    boolean noDiacritize;

    @Parameter(names = "--vowelled-text", description = "Also show the restored short vowels in the book's Arabic text "
            + "(for learners and children's books)")
    boolean vowelledText;

    @Parameter(names = "--daisy", description = "Also write a DAISY talking book (full text and full audio, for "
            + "DAISY players such as the Victor Reader Stream) from the same narration: 202 for DAISY 2.02 under "
            + "<book>/daisy202/, 3 for DAISY 3 under <book>/daisy3/ (with --no-audio: a text-only DAISY book)")
    String daisy;

    @Parameter(names = "--renarrate", description = "Narrate an EPUB that has media overlays of its own, replacing "
            + "them (by default they are kept)")
    boolean renarrate;

    @Parameter(names = "--publisher", description = "Publisher")
    String publisher;

    @Parameter(names = {"--description", "--comments"}, description = "Description of the book")
    String description;

    @Parameter(names = {"--subject", "--tag"}, description = "Subject or tag; repeat for several")
    List<String> subjects = new ArrayList<>();

    @Parameter(names = "--rights", description = "Rights statement")
    String rights;

    @Parameter(names = "--pubdate", description = "Publication date of the article, e.g. 2024-07-16")
    String published;

    @Parameter(names = "--digits", converter = Converters.DigitsConverter.class,
            description = "Digits: keep, western or arabic-indic")
    CleanOptions.Digits digits = CleanOptions.Digits.KEEP;

    @Parameter(names = "--no-cover", description = "No cover image")
    boolean noCover;

    @Parameter(names = "--cover", description = "Cover image, PNG or JPEG (default: one drawn from the title)")
    String cover;

    @Parameter(names = "--validate", description = "Run EPUBCheck on the new book; keep the old one if it fails")
    boolean validate;

    @Parameter(names = "--no-audio", description = "Text only: no narration, no media overlays")
    boolean noAudio;

    @Parameter(names = "--sync", converter = Converters.GranularityConverter.class,
            description = "Read-aloud highlighting: paragraph, sentence or word")
    Granularity sync;

    @Parameter(names = "--voice", description = "Voice id from voices/ (see 'rawi voices')")
    String voice;

    @Parameter(names = "--backend", description = "Speech backend id: espeak, freetts, command")
    String backend;

    @Parameter(names = "--audio-format", description = "Audio files: mp3, wav or opus")
    String audioFormat = "mp3";

    @Parameter(names = "--voices", description = "Folder of voice definitions (default: rawi's voices/)")
    String voices;

    @Parameter(names = "--audiobook", description = "Also one audio file for the whole book, with chapters: mp3 or m4b")
    String audiobook;

    @Parameter(names = "--cache", description = "Cache of narrated paragraphs (default: $RAWI_CACHE, else "
            + "$XDG_CACHE_HOME/rawi, else ~/.cache/rawi)")
    String cache;

    @Parameter(names = "--no-cache", description = "Speak and encode everything again; read and write no cache")
    boolean noCache;

    @Parameter(names = "--cache-size", description = "Size limit of the cache in MiB; least recently used go first")
    long cacheSizeMb = 2048;

    @Parameter(names = {"-q", "--quiet"}, description = "No progress and no notes; only errors, and the book's path")
    boolean quiet;

    @Parameter(names = "--sample-rate", description = "Highest sample rate of the audio in Hz: 8000 to 48000, or 0 "
            + "for the engine's own (eSpeak NG 22050, FreeTTS 16000)")
    int sampleRate = ConvertOptions.DEFAULT_SAMPLE_RATE;

    @Parameter(names = "--each", description = "One book per input instead of one book with a chapter per input")
    boolean each;

    @Parameter(names = "--format", converter = Converters.FormatConverter.class,
            description = "How to read the inputs: auto, text, markdown, html or epub (default: from each one's name, "
                    + "type or content)")
    Inputs.Format format = Inputs.Format.AUTO;

    @Parameter(names = "--timeout", description = "Seconds a URL (page or image) may take to fetch")
    int timeout = 30;

    @Parameter(names = {"-j", "--jobs"}, description = "Paragraphs to speak and encode at once (default: one per core)")
    int jobs;


    @Override
    int run(PrintStream out, PrintStream err) throws RawiException {
        Progress progress = quiet ? Progress.silent()
                : terminal ? new TerminalProgress(err) : Progress.lines(err::println);
        ConvertOptions all = options();
        if (!each || all.sources().inputs().size() == 1) {
            report(new Pipeline(quiet ? line -> { } : err::println, progress, warmUp).convert(all), out, err);
            return 0;
        }
        if (slug != null || title != null) {
            throw new BadInputException("--each makes one book per input, each named from its input; --slug and "
                    + "--title name a single book and cannot go with it");
        }
        int failed = 0;
        int worst = 0;
        for (String input : all.sources().inputs()) {
            try {
                report(new Pipeline(quiet ? line -> { } : err::println, progress, warmUp).convert(all.withInputs(List.of(input))),
                        out, err);
            } catch (RawiException e) {
                err.println("rawi: " + e.getMessage());
                failed++;
                worst = Math.max(worst, e.exitCode());
            }
        }
        if (failed > 0) {
            err.println("rawi: " + failed + " of " + all.sources().inputs().size() + " inputs failed; the other books were made");
            return worst;
        }
        return 0;
    }

    private void report(ConvertResult r, PrintStream out, PrintStream err) {
        if (!quiet) {
            r.notes().forEach(n -> err.println("note: " + n));
        }
        out.println(r.epub());
        if (quiet) {
            return;
        }
        out.println("  " + r.paragraphs() + " paragraphs, " + r.changes() + " cleaning changes (see "
                + r.folder().resolve("cleaning.json") + ")");
        r.validation().ifPresent(v -> out.println("  " + v.summary()));
    }

    ConvertOptions options() throws BadInputException {
        if (cacheSizeMb <= 0) {
            throw new BadInputException("--cache-size " + cacheSizeMb + ": give a size in MiB, above 0");
        }
        if (jobs < 0) {
            throw new BadInputException("--jobs " + jobs + ": give a positive number, or 0 for one per core");
        }
        Optional<AudiobookWriter.Format> book = Optional.empty();
        if (audiobook != null) {
            if (!List.of("mp3", "m4b").contains(audiobook.toLowerCase(Locale.ROOT))) {
                throw new BadInputException("--audiobook '" + audiobook + "': expected mp3 or m4b");
            }
            if (noAudio) {
                throw new BadInputException("--audiobook needs narration; it cannot go with --no-audio");
            }
            book = Optional.of(AudiobookWriter.Format.valueOf(audiobook.toUpperCase(Locale.ROOT)));
        }
        String format = audioFormat.toLowerCase(Locale.ROOT);
        if (!List.of("mp3", "wav", "opus").contains(format)) {
            throw new BadInputException("--audio-format '" + audioFormat + "': expected mp3, wav or opus");
        }
        if (sampleRate != 0 && (sampleRate < 8000 || sampleRate > 48000)) {
            throw new BadInputException("--sample-rate " + sampleRate + ": give 8000 to 48000 Hz, or 0 for the engine's own");
        }
        if (daisy != null) {
            if (!daisy.equals("202") && !daisy.equals("3")) {
                throw new BadInputException("--daisy '" + daisy + "': expected 202 (DAISY 2.02) or 3 (DAISY 3)");
            }
            if (!format.equals("mp3")) {
                throw new BadInputException("--daisy " + daisy + " is written with MP3 audio, which every DAISY "
                        + "player plays: give --audio-format mp3");
            }
        }
        conflict(cache != null && noCache, "--cache", "--no-cache");
        conflict(cover != null && noCover, "--cover", "--no-cover");
        conflict(noAudio && sync != null, "--no-audio", "--sync (a text-only book has no overlays to synchronise)");
        if (noDiacritize && vowelledText) {
            throw new BadInputException("--vowelled-text shows the vowels that --no-diacritize turns off: give one");
        }
        if (timeout <= 0) {
            throw new BadInputException("--timeout " + timeout + ": give a number of seconds, above 0");
        }
        return new ConvertOptions(
                new ConvertOptions.Sources(List.copyOf(inputs), this.format, Duration.ofSeconds(timeout),
                        Optional.ofNullable(language), digits),
                new ConvertOptions.BookInfo(Optional.ofNullable(title).map(String::strip).filter(s -> !s.isEmpty()),
                        authors, Optional.ofNullable(date),
                        Optional.ofNullable(identifier).map(io.rawi.book.Identifiers::urn),
                        Optional.ofNullable(publisher), Optional.ofNullable(description), subjects,
                        Optional.ofNullable(rights), Optional.ofNullable(published)),
                new ConvertOptions.Narration(!noAudio, sync == null ? Granularity.SENTENCE : sync,
                        Optional.ofNullable(voice), Optional.ofNullable(backend), Optional.ofNullable(voices).map(Path::of),
                        jobs, format, sampleRate, !noDiacritize, vowelledText, renarrate, book),
                new ConvertOptions.Cache(noCache ? Optional.empty()
                        : Optional.of(cache != null ? Path.of(cache) : Pipeline.defaultCache()), cacheSizeMb),
                new ConvertOptions.Output(Path.of(output), Optional.ofNullable(slug), !noCover,
                        Optional.ofNullable(cover).map(Path::of), validate, Optional.ofNullable(daisy)));
    }

    /** Refuses two options that contradict each other, naming both. */
    private static void conflict(boolean both, String one, String other) throws BadInputException {
        if (both) {
            throw new BadInputException(one + " and " + other + " contradict each other: give one");
        }
    }

}
