package io.rawi.pipeline;

import io.rawi.audio.AudiobookWriter;
import io.rawi.book.Granularity;
import io.rawi.book.Language;
import io.rawi.clean.CleanOptions;
import io.rawi.source.Inputs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code rawi convert} is told, by the stage that uses it. Empty optionals mean "decide from the input".
 *
 * @param sources   what to read and how
 * @param book      what the book says about itself
 * @param narration whether and how it is spoken
 * @param cache     where narrated blocks are kept between runs
 * @param output    where the book goes, and what goes with it
 */
public record ConvertOptions(Sources sources, BookInfo book, Narration narration, Cache cache, Output output) {
    /** Speech needs little above 8 kHz; encoding 16 kHz costs a third less than eSpeak NG's 22,050 Hz. */
    public static final int DEFAULT_SAMPLE_RATE = 16000;

    /**
     * What to read and how.
     *
     * @param inputs   one or more articles (files, URLs, {@code -} for standard input); each gives one or more chapters
     *                 of one book
     * @param format   how to read the inputs; {@code AUTO} decides from each one's name, type or first bytes
     * @param timeout  the longest a fetch of a URL may take
     * @param language the language to use instead of the detected one
     * @param digits   what the cleaner does with digits
     */
    public record Sources(List<String> inputs, Inputs.Format format, Duration timeout, Optional<Language> language,
                          CleanOptions.Digits digits) {
        public Sources {
            inputs = List.copyOf(inputs);
        }
    }

    /**
     * What the book says about itself, instead of what its input says.
     *
     * @param modified   the {@code dcterms:modified} time, for reproducible books
     * @param identifier the book's identifier, for reproducible books
     * @param published  the publication date ({@code dc:date}), as written
     */
    public record BookInfo(Optional<String> title, List<String> authors, Optional<Instant> modified,
                           Optional<String> identifier, Optional<String> publisher, Optional<String> description,
                           List<String> subjects, Optional<String> rights, Optional<String> published) {
        public BookInfo {
            authors = List.copyOf(authors);
            subjects = List.copyOf(subjects);
        }

        static BookInfo none() {
            return new BookInfo(Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of(), Optional.empty(), Optional.empty());
        }
    }

    /**
     * Whether and how the book is spoken.
     *
     * @param audio        whether it is narrated at all
     * @param sync         what the overlays highlight
     * @param voicesDir    where voice definitions are read from, instead of
     *                     {@link io.rawi.speech.VoiceRegistry#defaultFolder()}
     * @param jobs         how many paragraphs to speak and encode at once (0: one per core)
     * @param sampleRate   the highest sample rate of the audio, in Hz (higher engine output is resampled); 0 keeps the
     *                     engine's own
     * @param diacritize   whether Arabic is spoken with the short vowels the text lacks restored
     * @param vowelledText whether the book also shows the restored vowels
     * @param renarrate    whether an EPUB with media overlays of its own is narrated again, replacing them
     * @param audiobook    also write the whole narration as one file with chapters
     */
    public record Narration(boolean audio, Granularity sync, Optional<String> voice, Optional<String> backend,
                            Optional<Path> voicesDir, int jobs, String audioFormat, int sampleRate, boolean diacritize,
                            boolean vowelledText, boolean renarrate, Optional<AudiobookWriter.Format> audiobook) {
    }

    /**
     * The cache of narrated blocks.
     *
     * @param folder  where narrated blocks are cached, or empty for no cache
     * @param limitMb the cache's size limit in MiB
     */
    public record Cache(Optional<Path> folder, long limitMb) {
    }

    /**
     * Where the book goes, and what goes with it.
     *
     * @param folder    the folder under which {@code <slug>/} is written
     * @param slug      the name of the book's folder and files, instead of one made from the input name or title
     * @param cover     whether the book has a cover
     * @param coverFile a PNG or JPEG to use as the cover
     * @param validate  whether the new book is checked before it is published
     * @param daisy     the DAISY talking book written beside the EPUB from the same narration: "202" (DAISY 2.02) or
     *                  "3" (DAISY 3), or empty for none
     */
    public record Output(Path folder, Optional<String> slug, boolean cover, Optional<Path> coverFile, boolean validate,
                         Optional<String> daisy) {
    }

    /** The same options for other inputs. */
    public ConvertOptions withInputs(List<String> others) {
        return new ConvertOptions(new Sources(others, sources.format(), sources.timeout(), sources.language(),
                sources.digits()), book, narration, cache, output);
    }

    /** These options reading their inputs with another language, digits, format and fetch timeout. */
    public ConvertOptions reading(Optional<Language> lang, CleanOptions.Digits digitsRule, Inputs.Format inputFormat,
                                  Duration fetchTimeout) {
        return new ConvertOptions(new Sources(sources.inputs(), inputFormat, fetchTimeout, lang, digitsRule), book,
                narration, cache, output);
    }

    /** Defaults for the given inputs: {@code output/}, cover, audio, sentence sync, MP3. */
    public static ConvertOptions defaults(List<Path> inputs) {
        return of(inputs.stream().map(Path::toString).toList());
    }

    /** Defaults for inputs given as files, URLs or {@code -}. */
    public static ConvertOptions of(List<String> inputs) {
        return new ConvertOptions(
                new Sources(inputs, Inputs.Format.AUTO, Duration.ofSeconds(30), Optional.empty(),
                        CleanOptions.Digits.KEEP),
                BookInfo.none(),
                new Narration(true, Granularity.SENTENCE, Optional.empty(), Optional.empty(), Optional.empty(), 0, "mp3",
                        DEFAULT_SAMPLE_RATE, true, false, false, Optional.empty()),
                new Cache(Optional.empty(), 0),
                new Output(Path.of("output"), Optional.empty(), true, Optional.empty(), false, Optional.empty()));
    }
}
