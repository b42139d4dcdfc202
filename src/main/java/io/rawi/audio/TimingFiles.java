package io.rawi.audio;

import io.rawi.internal.Json;
import io.rawi.internal.ZeroPad;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The files that describe the narration: {@code timings.json} (per block: file, duration, sentences and words in
 * milliseconds), a WebVTT file with a cue per sentence on the playlist's timeline, and an M3U8 playlist with
 * {@code #EXTINF} durations. All three are computed from the same numbers as the audio files.
 */
public final class TimingFiles {
    private TimingFiles() {
    }

    /**
     * Writes {@code timings.json} to {@code out}, a paragraph at a time: the file of a long book is never whole in
     * memory.
     */
    public static void json(String title, List<NarratedBlock> blocks, Function<String, String> textOf,
                            java.io.Writer out) throws java.io.IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("title", title);
        root.put("leadInMs", AudioProcessor.LEAD_IN_MS);
        root.put("durationMs", blocks.stream().mapToLong(NarratedBlock::durationMs).sum());
        root.put("paragraphs", new java.util.AbstractList<Object>() { // each made as it is written
            @Override
            public Object get(int index) {
                return paragraph(blocks.get(index), textOf);
            }

            @Override
            public int size() {
                return blocks.size();
            }
        });
        Json.write(root, out);
    }

    private static Json.Fields paragraph(NarratedBlock b, Function<String, String> textOf) {
        List<Object> sentences = new ArrayList<>();
        for (Clip s : b.sentences()) {
            if (s.words().isEmpty()) {
                sentences.add(clip(s, textOf));
            } else {
                List<Object> words = new ArrayList<>(s.words().size());
                s.words().forEach(w -> words.add(clip(w, textOf)));
                sentences.add(new Json.Fields("id", s.id(), "text", textOf.apply(s.id()), "beginMs", s.beginMs(),
                        "endMs", s.endMs(), "wordsEstimated", s.words().get(0).estimated(), "words", words));
            }
        }
        long speechEnd = b.sentences().isEmpty() ? 0 : b.sentences().get(b.sentences().size() - 1).endMs();
        return new Json.Fields("id", b.id(), "text", textOf.apply(b.id()), "file", b.file(), "voice", b.voice(),
                "durationMs", b.durationMs(), "leadOutMs", b.durationMs() - speechEnd, "sentences", sentences);
    }

    private static Json.Fields clip(Clip c, Function<String, String> textOf) {
        return new Json.Fields("id", c.id(), "text", textOf.apply(c.id()), "beginMs", c.beginMs(), "endMs", c.endMs());
    }

    /** Writes the WebVTT captions to {@code out}: a cue per sentence, on the playlist's timeline. */
    public static void vtt(List<NarratedBlock> blocks, Function<String, String> textOf, Appendable out)
            throws java.io.IOException {
        out.append("WEBVTT\n");
        long offset = 0;
        for (NarratedBlock b : blocks) {
            for (Clip s : b.sentences()) {
                out.append('\n').append(s.id()).append('\n')
                        .append(vttTime(offset + s.beginMs())).append(" --> ").append(vttTime(offset + s.endMs()))
                        .append('\n').append(textOf.apply(s.id()).replace("-->", "→")).append('\n');
            }
            offset += b.durationMs();
        }
    }

    /** Writes the M3U8 playlist to {@code out}: each file with its duration and the start of its text. */
    public static void m3u8(String title, List<NarratedBlock> blocks, Function<String, String> textOf, Appendable out)
            throws java.io.IOException {
        out.append("#EXTM3U\n#PLAYLIST:").append(oneLine(title)).append('\n');
        StringBuilder line = new StringBuilder();
        for (NarratedBlock b : blocks) {
            line.setLength(0);
            ZeroPad.append(line.append("#EXTINF:").append(b.durationMs() / 1000).append('.'), b.durationMs() % 1000, 3)
                    .append(',').append(oneLine(textOf.apply(b.id()))).append('\n');
            out.append(line).append(b.file()).append('\n');
        }
    }

    /**
     * {@code s} on one line of at most 80 characters: runs of white space (space, tab, line breaks) made one space,
     * white space at either end dropped, and cut with an ellipsis when longer. Only the characters kept are looked
     * at: a paragraph's text is not copied whole.
     */
    static String oneLine(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        StringBuilder kept = new StringBuilder(Math.min(81, end - start));
        for (int i = start; i < end && kept.length() <= 80; i++) {
            char c = s.charAt(i);
            if (!lineSpace(c)) {
                kept.append(c);
            } else if (!lineSpace(s.charAt(i - 1))) { // never at start, which is not white space
                kept.append(' ');
            }
        }
        return kept.length() > 80 ? kept.substring(0, 79) + "…" : kept.toString();
    }

    /** The white space a line's runs are made of (what the pattern {@code \\s} matches). */
    private static boolean lineSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    static String vttTime(long ms) {
        return ZeroPad.clock(ZeroPad.append(new StringBuilder(12), ms / 3_600_000, 2), ms).toString();
    }
}
