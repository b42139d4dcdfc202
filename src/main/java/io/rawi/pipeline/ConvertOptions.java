package io.rawi.pipeline;

import io.rawi.audio.AudiobookWriter;
import io.rawi.book.Granularity;
import io.rawi.clean.CleanOptions;
import io.rawi.source.Language;

import io.rawi.source.Inputs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code rawi convert} is told. Empty optionals mean "decide from the input".
 *
 * @param inputs     one or more articles (files, URLs, {@code -} for standard input); each gives one or more chapters
 *                   of one book
 * @param outputDir  the folder under which {@code <slug>/} is written
 * @param slug       the name of the book's folder and files, instead of one made from the input name or title
 * @param modified   the {@code dcterms:modified} time, for reproducible books
 * @param identifier the book's identifier, for reproducible books
 * @param published  the publication date ({@code dc:date}), as written
 * @param voicesDir  where voice definitions are read from, instead of {@link io.rawi.speech.VoiceRegistry#defaultFolder()}
 * @param jobs       how many paragraphs to speak and encode at once (0: one per core)
 * @param coverFile  a PNG or JPEG to use as the cover
 * @param audiobook  also write the whole narration as one file with chapters
 * @param cache      where narrated blocks are cached, or empty for no cache
 * @param cacheLimitMb the cache's size limit in MiB
 * @param format     how to read the inputs; {@code AUTO} decides from each one's name, type or first bytes
 * @param timeout    the longest a fetch of a URL may take
 * @param sampleRate the highest sample rate of the audio, in Hz (higher engine output is resampled); 0 keeps the
 *                   engine's own
 * @param diacritize whether Arabic is spoken with the short vowels the text lacks restored
 * @param vowelledText whether the book also shows the restored vowels
 * @param renarrate  whether an EPUB with media overlays of its own is narrated again, replacing them
 * @param daisy      the DAISY talking book written beside the EPUB from the same narration: "202" (DAISY 2.02) or
 *                   "3" (DAISY 3), or empty for none
 */
public record ConvertOptions(
        List<String> inputs, Path outputDir, Optional<String> slug,
        Optional<String> title, List<String> authors, Optional<Language> language,
        Optional<Instant> modified, Optional<String> identifier, Optional<String> publisher,
        Optional<String> description, List<String> subjects, Optional<String> rights, Optional<String> published,
        CleanOptions.Digits digits, boolean cover, boolean validate,
        boolean audio, Granularity sync, Optional<String> voice, Optional<String> backend, String audioFormat,
        Optional<Path> voicesDir, int jobs, Optional<Path> coverFile, Optional<AudiobookWriter.Format> audiobook,
        Optional<Path> cache, long cacheLimitMb, Inputs.Format format, Duration timeout, int sampleRate,
        boolean diacritize, boolean vowelledText, boolean renarrate, Optional<String> daisy) {
    public ConvertOptions {
        inputs = List.copyOf(inputs);
        authors = List.copyOf(authors);
        subjects = List.copyOf(subjects);
    }

    /** Speech needs little above 8 kHz; encoding 16 kHz costs a third less than eSpeak NG's 22,050 Hz. */
    public static final int DEFAULT_SAMPLE_RATE = 16000;

    /** The same options for other inputs. */
    public ConvertOptions withInputs(List<String> others) {
        return new ConvertOptions(others, outputDir, slug, title, authors, language, modified, identifier, publisher,
                description, subjects, rights, published, digits, cover, validate, audio, sync, voice, backend,
                audioFormat, voicesDir, jobs, coverFile, audiobook, cache, cacheLimitMb, format, timeout, sampleRate, diacritize,
                vowelledText, renarrate, daisy);
    }

    /** These options reading their inputs with another language, digits, format and fetch timeout. */
    public ConvertOptions reading(Optional<Language> lang, CleanOptions.Digits digitsRule, Inputs.Format inputFormat,
                                  Duration fetchTimeout) {
        return new ConvertOptions(inputs, outputDir, slug, title, authors, lang, modified, identifier, publisher,
                description, subjects, rights, published, digitsRule, cover, validate, audio, sync, voice, backend,
                audioFormat, voicesDir, jobs, coverFile, audiobook, cache, cacheLimitMb, inputFormat, fetchTimeout,
                sampleRate, diacritize, vowelledText, renarrate, daisy);
    }

    /** Defaults for the given inputs: {@code output/}, cover, audio, sentence sync, MP3. */
    public static ConvertOptions defaults(List<Path> inputs) {
        return of(inputs.stream().map(Path::toString).toList());
    }

    /** Defaults for inputs given as files, URLs or {@code -}. */
    public static ConvertOptions of(List<String> inputs) {
        return new ConvertOptions(inputs, Path.of("output"), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), CleanOptions.Digits.KEEP, true, false, true, Granularity.SENTENCE,
                Optional.empty(), Optional.empty(), "mp3", Optional.empty(), 0, Optional.empty(), Optional.empty(), Optional.empty(), 0,
                Inputs.Format.AUTO, Duration.ofSeconds(30), DEFAULT_SAMPLE_RATE, true, false, false, Optional.empty());
    }
}
