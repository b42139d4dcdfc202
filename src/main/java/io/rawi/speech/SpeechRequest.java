package io.rawi.speech;

import io.rawi.source.Language;

import java.time.Duration;
import java.util.List;

/**
 * One paragraph to speak.
 *
 * @param paragraphId for messages and audio file names
 * @param timeout     how long the engine may take before it is considered hung
 */
public record SpeechRequest(String paragraphId, Language language, List<SpokenSentence> sentences, Duration timeout) {
    public SpeechRequest {
        sentences = List.copyOf(sentences);
    }
}
