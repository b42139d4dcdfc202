package io.rawi.pipeline;

import io.rawi.audio.Tags;
import io.rawi.source.Language;
import io.rawi.speech.SpeechRequest;
import io.rawi.speech.SpokenSentence;
import io.rawi.speech.SpokenWord;
import io.rawi.speech.VoiceDefinition;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The cache key: what it is made of must not change unnoticed, or every cached paragraph is spoken again. */
class CacheKeyTest {
    private static final VoiceDefinition VOICE = new VoiceDefinition("ar-espeak", "Arabic (eSpeak NG)", List.of("ar"),
            "espeak", "ar", 100, 50, 100, Optional.empty(), true, List.of(), 10, 1, Path.of("voices/ar-espeak.json"));
    private static final Tags TAGS = new Tags("p0001: مرحبا", "كتاب", "ar-espeak", 1, 12, "ar");

    private static String key(List<String> words) {
        List<SpokenWord> spoken = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            spoken.add(new SpokenWord("p0001s01w" + (i + 1), words.get(i)));
        }
        SpeechRequest request = new SpeechRequest("p0001", Language.of("ar"),
                List.of(new SpokenSentence("p0001s01", spoken)), Duration.ofSeconds(30));
        return AudioCache.key("p0001", request, VOICE, io.rawi.audio.AudioProcessor.LEAD_OUT_MS, "libespeak-ng 1.51", "LAME 3.100 48k q7 @16000 Hz", TAGS);
    }

    /**
     * A long paragraph (its key's text is several times the encoder's buffer), Arabic, and a lone surrogate (written
     * as '?', as String.getBytes does): the same key as when it was made from one string's UTF-8.
     */
    @Test
    void theKeyIsTheSha256OfItsTextsUtf8AsBefore() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            words.add(i % 7 == 3 ? "وال\uD800كتاب" + i : "كلمة" + i);
        }
        assertEquals("7c485b0a260b7af79c61fee4e2e7ffb81bbf45597f9f0e8dee6a8dfee1029563", key(words));
        assertEquals("205a5e38c40bbe6771d2394f4506a40233ba43610e7e8756f11f3f2ae73c6905", key(List.of("مرحبا")));
        assertNotEquals(key(List.of("مرحبا")), key(List.of("مرحبًا")), "a changed word changes the key");
    }
}
