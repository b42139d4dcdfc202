package io.rawi.it;

import io.rawi.book.Language;
import io.rawi.book.Paragraph;
import io.rawi.book.Segmenter;
import io.rawi.speech.SpeechService;
import io.rawi.speech.SpeechText;
import io.rawi.speech.VoiceDefinition;
import io.rawi.speech.VoiceRegistry;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No number is silent: every shipped voice speaks a sentence with a year, and the year takes time in the audio
 * (eSpeak NG's Hebrew skipped digits, so «בשנת 1948» sounded like «בשנת»).
 */
class NumbersIT {
    /** A sentence with a number and the same sentence without it, per language. */
    private static final Map<String, List<String>> SENTENCES = Map.of(
            "ar", List.of("وصل في عام 1948 إلى المدينة.", "وصل في عام إلى المدينة."),
            "en", List.of("It happened in 1948 in the city.", "It happened in the city."),
            "de", List.of("Es geschah 1948 in der Stadt.", "Es geschah in der Stadt."),
            "es", List.of("Ocurrió en 1948 en la ciudad.", "Ocurrió en la ciudad."),
            "fa", List.of("در سال 1948 به شهر رسید.", "در سال به شهر رسید."),
            "fr", List.of("Cela arriva en 1948 dans la ville.", "Cela arriva dans la ville."),
            "he", List.of("זה קרה בשנת 1948 בעיר.", "זה קרה בשנת בעיר."),
            "ru", List.of("Это случилось в 1948 году в городе.", "Это случилось в году в городе."),
            "tr", List.of("Bu 1948 yılında şehirde oldu.", "Bu yılında şehirde oldu."),
            "ur", List.of("یہ 1948 میں شہر میں ہوا۔", "یہ میں شہر میں ہوا۔"));

    @Test
    void everyShippedVoiceGivesANumberItsTime() throws Exception {
        VoiceRegistry registry = VoiceRegistry.load(Path.of("voices"));
        int checked = 0;
        try (SpeechService speech = new SpeechService(registry, SpeechService.installedProviders(), Optional.empty(),
                Optional.empty())) {
            for (VoiceDefinition voice : registry.all()) {
                Optional<String> why = speech.unavailable(voice);
                if (voice.id().equals("en-pico")) {
                    // the example command voice needs SVOX Pico's pico2wave, which no Debian package installs
                    continue;
                }
                assertTrue(why.isEmpty(), voice.id() + " is available: " + why.orElse(""));
                String language = voice.languages().get(0);
                List<String> pair = SENTENCES.get(language);
                assertTrue(pair != null, "a sentence for " + language);
                double with = seconds(speech, voice, pair.get(0), language);
                double without = seconds(speech, voice, pair.get(1), language);
                assertTrue(with - without > 0.4, voice.id() + ": the year takes " + (with - without) + " s");
                checked++;
            }
        }
        assertEquals(registry.all().size() - 1, checked, "every shipped voice but the example command voice");
    }

    private static double seconds(SpeechService speech, VoiceDefinition voice, String text, String language)
            throws Exception {
        Paragraph p = Segmenter.paragraph("p0001", Paragraph.Kind.BODY, text, Language.of(language));
        var u = speech.engine(voice).synthesize(SpeechText.request(p, voice));
        return (double) u.pcm().length / u.sampleRate();
    }
}
