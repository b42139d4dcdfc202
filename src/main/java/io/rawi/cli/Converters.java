package io.rawi.cli;

import com.beust.jcommander.IStringConverter;
import com.beust.jcommander.ParameterException;
import io.rawi.book.Granularity;
import io.rawi.book.Language;
import io.rawi.clean.CleanOptions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Turns option values into rawi's types, with messages that say what is expected. */
final class Converters {
    private Converters() {
    }

    static final class LanguageConverter implements IStringConverter<Language> {
        @Override
        public Language convert(String value) {
            try {
                Language language = Language.of(value);
                String primary = language.primary();
                if (new com.ibm.icu.util.ULocale(primary).getDisplayLanguage(com.ibm.icu.util.ULocale.ENGLISH)
                        .equalsIgnoreCase(primary)) {
                    throw new IllegalArgumentException("'" + value + "' names no known language (e.g. ar, en, fa-IR)");
                }
                return language;
            } catch (IllegalArgumentException e) {
                throw new ParameterException("--lang: " + e.getMessage());
            }
        }
    }

    /** {@code 2025-01-15} or {@code 2025-01-15T10:20:30Z} (any offset, converted to UTC). */
    static final class InstantConverter implements IStringConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                if (value.length() == 10) {
                    return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                }
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new ParameterException("--date '" + value + "': expected 2025-01-15 or 2025-01-15T10:20:30Z");
            }
        }
    }

    static final class DigitsConverter implements IStringConverter<CleanOptions.Digits> {
        @Override
        public CleanOptions.Digits convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "keep" -> CleanOptions.Digits.KEEP;
                case "western" -> CleanOptions.Digits.WESTERN;
                case "arabic-indic" -> CleanOptions.Digits.ARABIC_INDIC;
                default -> throw new ParameterException("--digits '" + value + "': expected keep, western or arabic-indic");
            };
        }
    }

    static final class GranularityConverter implements IStringConverter<Granularity> {
        @Override
        public Granularity convert(String value) {
            try {
                return Granularity.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ParameterException("--sync '" + value + "': expected paragraph, sentence or word");
            }
        }
    }

    static final class FormatConverter implements IStringConverter<io.rawi.source.Inputs.Format> {
        @Override
        public io.rawi.source.Inputs.Format convert(String value) {
            String v = value.toUpperCase(Locale.ROOT).replace("MD", "MARKDOWN").replace("TXT", "TEXT")
                    .replace("HTM", "HTML").replace("HTMLL", "HTML");
            try {
                return io.rawi.source.Inputs.Format.valueOf(v);
            } catch (IllegalArgumentException e) {
                throw new ParameterException("--format '" + value + "': expected auto, text, markdown, html or epub");
            }
        }
    }
}
