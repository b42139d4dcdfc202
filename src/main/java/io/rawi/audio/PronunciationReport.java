package io.rawi.audio;

import io.rawi.internal.Json;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pronunciation.json}: every word the engine still reads with no vowel or with three consonants in a row, judged
 * from its own phonemes (eSpeak NG in process, Arabic), with how often and in which blocks, most frequent first; what
 * an editor needs to add lexicon entries (a PLS alias, or the word vowelled).
 */
public final class PronunciationReport {
    private PronunciationReport() {
    }

    /** Writes the report for {@code blocks}, of which {@code judged} were Arabic blocks the engine could judge. */
    public static void json(List<NarratedBlock> blocks, int judged, Writer out) throws IOException {
        record Entry(NarratedBlock.Unread first, int[] count, List<String> blocks) {
        }
        Map<String, Entry> words = new LinkedHashMap<>();
        long total = 0;
        for (NarratedBlock b : blocks) {
            for (NarratedBlock.Unread u : b.unread()) {
                Entry e = words.computeIfAbsent(u.written(), k -> new Entry(u, new int[1], new ArrayList<>()));
                e.count()[0] += u.count();
                e.blocks().add(b.id());
                total += u.count();
            }
        }
        List<Entry> sorted = new ArrayList<>(words.values());
        sorted.sort((a, b) -> a.count()[0] != b.count()[0] ? Integer.compare(b.count()[0], a.count()[0])
                : a.first().written().compareTo(b.first().written()));
        List<Object> list = new ArrayList<>();
        for (Entry e : sorted) {
            list.add(new Json.Fields("word", e.first().written(), "spoken", e.first().spoken(), "phonemes",
                    e.first().phonemes(), "count", e.count()[0], "paragraphs", e.blocks()));
        }
        Json.write(new Json.Fields("judged", "Arabic blocks spoken by eSpeak NG in process, by its own phonemes "
                        + "(espeak_TextToPhonemes): a word with no vowel, or three consonants in a row",
                "blocksJudged", judged, "unreadWords", total, "words", list), out);
    }
}
