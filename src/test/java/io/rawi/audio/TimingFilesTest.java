package io.rawi.audio;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimingFilesTest {
    /** What a playlist line shows of a text: as the one-line pattern replacement made it, without copying the text. */
    private static String asBefore(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 80 ? t.substring(0, 79) + "…" : t;
    }

    @Test
    void aPlaylistLineIsTheTextOnOneLineCutAt80() {
        List<String> texts = List.of("", "   ", "قال", "  قال \t\n  الرجل  ", "\u2003 كلمة\u2003 \u00a0كلمة\r\n",
                "كلمة ".repeat(30), " كلمة\n".repeat(16) + "  ", "a".repeat(80), "a".repeat(81), "a".repeat(79) + " \t b",
                "\u000b\fنص\u000b\fنص\u2028", "x" + " ".repeat(200) + "y");
        for (String t : texts) {
            assertEquals(asBefore(t), TimingFiles.oneLine(t), "«" + t + "»");
        }
    }
}
