package io.rawi.speech;

import io.rawi.book.Language;

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

    /** The words to speak, the first ten of them, for messages: «…». */
    public String preview() {
        StringBuilder sb = new StringBuilder("«");
        int n = 0;
        for (SpokenSentence s : sentences) {
            for (SpokenWord w : s.words()) {
                if (n++ == 10) {
                    return sb.append(" …»").toString();
                }
                sb.append(n > 1 ? " " : "").append(w.text());
            }
        }
        return sb.append('»').toString();
    }
}
