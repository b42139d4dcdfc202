package io.rawi.narration;

import io.rawi.audio.Tags;
import io.rawi.book.Paragraph;
import io.rawi.speech.SpeechEngine;
import io.rawi.speech.SpeechRequest;
import io.rawi.speech.SpeechText;
import io.rawi.speech.VoiceDefinition;

/**
 * What a block asks of its engine: the engine, the request, the cache key (null without a cache) and whether the
 * cache has an entry for it (when it is read).
 */
record Plan(VoiceDefinition voice, Tags tags, SpeechEngine engine, SpeechRequest request, String key,
            boolean cached, int leadOutMs, Paragraph paragraph, boolean vowels) {
    /** What the engine is given: the request, vowelled when the paragraph is Arabic. */
    SpeechRequest spoken() {
        return vowels ? SpeechText.request(paragraph, voice, true) : request;
    }
}
