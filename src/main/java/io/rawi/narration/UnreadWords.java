package io.rawi.narration;

import io.rawi.audio.NarratedBlock;
import io.rawi.book.Paragraph;
import io.rawi.speech.SpeechRequest;

import java.util.List;

/** The words of a block that the engine read with no vowel or three consonants in a row, for pronunciation.json. */
final class UnreadWords {
    /** The punctuation before and after a word, which a lexicon entry does not name. */
    private static final java.util.regex.Pattern AROUND =
            java.util.regex.Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}\\p{M}]+$");

    private UnreadWords() {
    }

    /**
     * The words of {@code p} that the engine read with no vowel or three consonants in a row ({@code byId}: word id →
     * its phonemes), each written word once with how many times it is unread in the block.
     */
    static List<NarratedBlock.Unread> of(Paragraph p, SpeechRequest request, java.util.Map<String, String> byId) {
        if (byId.isEmpty()) {
            return List.of();
        }
        java.util.Map<String, String> written = new java.util.HashMap<>();
        for (io.rawi.book.Sentence s : p.sentences()) {
            for (io.rawi.book.Word w : s.words()) {
                written.put(w.id(), w.text());
            }
        }
        java.util.Map<String, NarratedBlock.Unread> out = new java.util.LinkedHashMap<>();
        for (io.rawi.speech.SpokenSentence s : request.sentences()) {
            for (io.rawi.speech.SpokenWord w : s.words()) {
                String phonemes = byId.get(w.id());
                if (phonemes != null) {
                    // the word without the punctuation around it, as a lexicon entry would name it
                    String text = AROUND.matcher(written.getOrDefault(w.id(), w.text())).replaceAll("");
                    NarratedBlock.Unread before = out.get(text);
                    out.put(text, new NarratedBlock.Unread(text, w.text(), phonemes,
                            before == null ? 1 : before.count() + 1));
                }
            }
        }
        return List.copyOf(out.values());
    }
}
