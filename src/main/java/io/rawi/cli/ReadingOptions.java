package io.rawi.cli;

import com.beust.jcommander.Parameter;
import io.rawi.book.Language;
import io.rawi.clean.CleanOptions;
import io.rawi.source.Inputs;

/** How an input is read, shared by the commands that read articles without making a book ({@code clean}, {@code spoken}). */
final class ReadingOptions {
    @Parameter(names = {"-l", "--lang"}, converter = Converters.LanguageConverter.class,
            description = "Language as a BCP 47 tag (default: detected)")
    Language language;

    @Parameter(names = "--digits", converter = Converters.DigitsConverter.class,
            description = "Digits: keep, western or arabic-indic")
    CleanOptions.Digits digits = CleanOptions.Digits.KEEP;

    @Parameter(names = "--format", converter = Converters.FormatConverter.class,
            description = "How to read the input: auto, text, markdown, html or epub (default: from its name or content)")
    Inputs.Format format = Inputs.Format.AUTO;

    @Parameter(names = "--timeout", description = "Seconds a URL may take to fetch")
    int timeout = 30;
}
