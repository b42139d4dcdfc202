package io.rawi.speech;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A written word as it is spoken: marks that are not said go, the lexicon's aliases come in. */
class SpeechTextTest {
    private static final Optional<Lexicon> NAMES = Optional.of(read());

    private static Lexicon read() {
        try {
            return Lexicon.read(Path.of("voices/lexicons/ar-names.pls"));
        } catch (io.rawi.error.BadInputException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void silentMarksAndTatweelGoAndAWordWithoutThemIsKept() {
        assertEquals("مرحبا", SpeechText.spoken("«مرحبا»", Optional.empty()));
        assertEquals("كتاب،", SpeechText.spoken("كتـــاب،", Optional.empty()));
        assertEquals("مرحبا", SpeechText.spoken("مرحبا", Optional.empty()));
        assertEquals("3.5", SpeechText.spoken("(3.5)", Optional.empty()));
        assertEquals("", SpeechText.spoken("«—»", Optional.empty()), "nothing left to say");
    }

    @Test
    void theLexiconAppliesToTheWordWithoutItsPunctuationAndAfterAProclitic() {
        assertEquals("بَيْرامُوف", SpeechText.spoken("بيراموف", NAMES));
        assertEquals("بَيْرامُوف،", SpeechText.spoken("«بيراموف»،", NAMES));
        assertEquals("وبَيْرامُوف", SpeechText.spoken("وبيراموف", NAMES));
        assertEquals("وعَلِيِيف.", SpeechText.spoken("(وعلييف).", NAMES), "brackets are silent; the full stop stays");
        assertEquals("كتاب", SpeechText.spoken("كتاب", NAMES));
    }
}
