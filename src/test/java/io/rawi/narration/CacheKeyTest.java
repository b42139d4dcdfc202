package io.rawi.narration;

import io.rawi.audio.Tags;
import io.rawi.book.Language;
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
        return key(request, TAGS);
    }

    private static String key(SpeechRequest request, Tags tags) {
        return CacheKey.of("p0001", request, VOICE, io.rawi.audio.AudioProcessor.LEAD_OUT_MS, "libespeak-ng 1.51",
                "LAME 3.100 48k q7 @16000 Hz", tags);
    }

    /**
     * A long paragraph (its key's text is several times the encoder's buffer), Arabic, and a lone surrogate (written
     * as '?', as String.getBytes does): the same key as the SHA-256 of the whole text's UTF-8, computed apart from
     * rawi (Python's hashlib) over the documented text: {@code rawi-audio-cache-7}, {@code 250 400 -20.0 -3.0}, the
     * block id, the language, {@code S} and {@code W} lines, the voice's settings joined by {@code |}, the engine, the
     * encoders, then {@code title}, {@code album}, {@code artist}, {@code track n/N} and {@code language} lines.
     */
    @Test
    void theKeyIsTheSha256OfItsTextsUtf8AsBefore() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            words.add(i % 7 == 3 ? "وال\uD800كتاب" + i : "كلمة" + i);
        }
        assertEquals("6639bd2518322e23d9ac88444dd3aaa3ded225ff9ce5373c787e29af8dccf1c8", key(words));
        assertEquals("7e565a660b6e7a810b23498e26641cbc5d19c54db978363fa1e26110860c5972", key(List.of("مرحبا")));
        assertNotEquals(key(List.of("مرحبا")), key(List.of("مرحبًا")), "a changed word changes the key");
    }

    /** Every tag is part of the key, written by name (the audio files carry them). */
    @Test
    void everyTagChangesTheKey() {
        SpeechRequest request = new SpeechRequest("p0001", Language.of("ar"), List.of(new SpokenSentence("p0001s01",
                List.of(new SpokenWord("p0001s01w1", "مرحبا")))), Duration.ofSeconds(30));
        String base = key(request, TAGS);
        for (Tags other : List.of(new Tags("p0002: مرحبا", "كتاب", "ar-espeak", 1, 12, "ar"),
                new Tags("p0001: مرحبا", "كتاب آخر", "ar-espeak", 1, 12, "ar"),
                new Tags("p0001: مرحبا", "كتاب", "en-espeak", 1, 12, "ar"),
                new Tags("p0001: مرحبا", "كتاب", "ar-espeak", 2, 12, "ar"),
                new Tags("p0001: مرحبا", "كتاب", "ar-espeak", 1, 13, "ar"),
                new Tags("p0001: مرحبا", "كتاب", "ar-espeak", 1, 12, "fa"))) {
            assertNotEquals(base, key(request, other), other.toString());
        }
    }
}
