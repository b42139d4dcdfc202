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

    public static String json(String title, List<NarratedBlock> blocks, Function<String, String> textOf) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("title", title);
        root.put("leadInMs", AudioProcessor.LEAD_IN_MS);
        root.put("leadOutMs", AudioProcessor.LEAD_OUT_MS);
        root.put("durationMs", blocks.stream().mapToLong(NarratedBlock::durationMs).sum());
        List<Object> list = new ArrayList<>();
        for (NarratedBlock b : blocks) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", b.id());
            m.put("text", textOf.apply(b.id()));
            m.put("file", b.file());
            m.put("voice", b.voice());
            m.put("durationMs", b.durationMs());
            List<Object> sentences = new ArrayList<>();
            for (Clip s : b.sentences()) {
                Map<String, Object> sm = clip(s, textOf);
                if (!s.words().isEmpty()) {
                    sm.put("wordsEstimated", s.words().get(0).estimated());
                    List<Object> words = new ArrayList<>();
                    s.words().forEach(w -> words.add(clip(w, textOf)));
                    sm.put("words", words);
                }
                sentences.add(sm);
            }
            m.put("sentences", sentences);
            list.add(m);
        }
        root.put("paragraphs", list);
        return Json.write(root);
    }

    private static Map<String, Object> clip(Clip c, Function<String, String> textOf) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("text", textOf.apply(c.id()));
        m.put("beginMs", c.beginMs());
        m.put("endMs", c.endMs());
        return m;
    }

    public static String vtt(List<NarratedBlock> blocks, Function<String, String> textOf) {
        StringBuilder sb = new StringBuilder("WEBVTT\n");
        long offset = 0;
        for (NarratedBlock b : blocks) {
            for (Clip s : b.sentences()) {
                sb.append('\n').append(s.id()).append('\n')
                        .append(vttTime(offset + s.beginMs())).append(" --> ").append(vttTime(offset + s.endMs()))
                        .append('\n').append(textOf.apply(s.id()).replace("-->", "→")).append('\n');
            }
            offset += b.durationMs();
        }
        return sb.toString();
    }

    public static String m3u8(String title, List<NarratedBlock> blocks, Function<String, String> textOf) {
        StringBuilder sb = new StringBuilder("#EXTM3U\n#PLAYLIST:").append(oneLine(title)).append('\n');
        for (NarratedBlock b : blocks) {
            ZeroPad.append(sb.append("#EXTINF:").append(b.durationMs() / 1000).append('.'), b.durationMs() % 1000, 3)
                    .append(',').append(oneLine(textOf.apply(b.id()))).append('\n');
            sb.append(b.file()).append('\n');
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 80 ? t.substring(0, 79) + "…" : t;
    }

    static String vttTime(long ms) {
        return ZeroPad.clock(ZeroPad.append(new StringBuilder(12), ms / 3_600_000, 2), ms).toString();
    }
}
