package io.rawi.speech;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A voice, as defined by one file in {@code voices/}.
 *
 * @param id            how {@code --voice} names it
 * @param name          a human name ("Arabic, eSpeak NG")
 * @param languages     the languages it speaks, as primary subtags ({@code ar})
 * @param backend       the provider id
 * @param engineVoice   the engine's own voice name ({@code ar}, {@code kevin16})
 * @param rate          speed in percent of the engine's normal speed
 * @param pitch         pitch in percent of the engine's normal pitch
 * @param volume        volume in percent of the engine's normal volume
 * @param lexicon       a W3C PLS pronunciation lexicon applied before speaking
 * @param isDefault     the default voice for its languages
 * @param command       for the {@code command} backend: the program and its arguments, with placeholders
 * @param timeoutBase   seconds any synthesis call may take, plus {@code timeoutPerWord} for each word
 * @param source        the file it was read from
 * @param pauses        the silence between blocks, by the break that follows
 * @param spellNumbers  whether rawi writes numbers out in words for this voice, whose engine skips digits
 *                      (eSpeak NG's Hebrew), from CLDR's spell-out rules
 * @param months        how Arabic dates name the months ({@code months=levantine} or {@code gulf} in the file)
 */
public record VoiceDefinition(String id, String name, List<String> languages, String backend, String engineVoice,
                              int rate, int pitch, int volume, Optional<Lexicon> lexicon, boolean isDefault,
                              List<String> command, double timeoutBase, double timeoutPerWord, Path source,
                              Pauses pauses, boolean spellNumbers, ArabicNumbers.Months months) {
    public VoiceDefinition {
        languages = List.copyOf(languages);
        command = List.copyOf(command);
    }

    /** A voice with the default pauses. */
    public VoiceDefinition(String id, String name, List<String> languages, String backend, String engineVoice,
                           int rate, int pitch, int volume, Optional<Lexicon> lexicon, boolean isDefault,
                           List<String> command, double timeoutBase, double timeoutPerWord, Path source) {
        this(id, name, languages, backend, engineVoice, rate, pitch, volume, lexicon, isDefault, command, timeoutBase,
                timeoutPerWord, source, Pauses.DEFAULT, false, ArabicNumbers.Months.EGYPTIAN_GULF);
    }

    /**
     * How long the silence is between one block and the next, in milliseconds, by the break between them: so that
     * structure can be heard, each is longer than the one before (and all longer than the engine's own pause between
     * sentences, 0.3 to 0.45 s with eSpeak NG). The defaults follow common audiobook practice: about 1 s between
     * paragraphs, 1.5 s after a heading (and before a section's), 2 s between chapters and after the title page.
     * Voice files set them with {@code pause.paragraph}, {@code pause.heading}, {@code pause.chapter}.
     */
    public record Pauses(int paragraphMs, int headingMs, int chapterMs) {
        public static final Pauses DEFAULT = new Pauses(1000, 1500, 2000);
    }

    /** This voice without its lexicon. */
    public VoiceDefinition withoutLexicon() {
        return new VoiceDefinition(id, name, languages, backend, engineVoice, rate, pitch, volume, Optional.empty(),
                isDefault, command, timeoutBase, timeoutPerWord, source, pauses, spellNumbers, months);
    }

    /** Whether this voice speaks the language with the given primary subtag. */
    public boolean speaks(String primaryLanguage) {
        return languages.contains(primaryLanguage);
    }
}
