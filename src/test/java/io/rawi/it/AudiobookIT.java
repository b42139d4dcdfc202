package io.rawi.it;

import io.rawi.internal.JsonReader;

import io.rawi.AudioProbe;
import io.rawi.TestSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed as one audiobook file, read back with ffprobe and decoded with ffmpeg, independent tools. */
class AudiobookIT {
    @TempDir
    Path out;

    @ParameterizedTest
    @CsvSource({"mp3, 0", "m4b, 64"})
    void chaptersTagsCoverAndDuration(String format, long toleranceMs) throws Exception {
        TestSupport.cli("convert", TestSupport.seed().toString(), "-o", out.toString(), "--audiobook", format,
                "--author", "فريق راوي").expect(0);
        Path folder = out.resolve("article-ar");
        Path book = folder.resolve("article-ar." + format);
        assertTrue(Files.isRegularFile(book));
        Map<String, Object> timings = JsonReader.parse(Files.readString(folder.resolve("timings.json")));
        List<Map<String, Object>> blocks = JsonReader.list(timings.get("paragraphs"));
        long samples = 0;
        int rate = 0;
        for (Map<String, Object> b : blocks) {
            AudioProbe.Decoded file = AudioProbe.decode(folder.resolve((String) b.get("file")));
            samples += file.samples().length;
            rate = file.rate();
        }
        assertEquals(16000, rate, "the audio is resampled to 16 kHz by default");
        AudioProbe.Decoded whole = AudioProbe.decode(book);
        long filesMs = Math.round(samples * 1000.0 / rate);
        assertEquals(filesMs, whole.millis(), toleranceMs,
                "decoded, the audiobook lasts as long as the files (AAC may add up to one 64 ms frame of padding)");
        if (format.equals("mp3")) {
            assertEquals(samples, whole.samples().length, "to the sample");
        }

        Map<String, Object> probe = JsonReader.parse(ffprobe(book));
        List<Map<String, Object>> chapters = JsonReader.list(probe.get("chapters"));
        assertEquals(2, chapters.size(), "the title page and the chapter");
        long chapterStart = blocks.stream().takeWhile(b -> ((String) b.get("id")).startsWith("t"))
                .mapToLong(b -> ((Number) b.get("durationMs")).longValue()).sum();
        assertEquals(0.0, Double.parseDouble((String) chapters.get(0).get("start_time")), 0.001);
        assertEquals(chapterStart / 1000.0, Double.parseDouble((String) chapters.get(1).get("start_time")), 0.002);
        assertEquals(filesMs / 1000.0, Double.parseDouble((String) chapters.get(1).get("end_time")), 0.002);
        @SuppressWarnings("unchecked")
        Map<String, Object> chapterTags = (Map<String, Object>) chapters.get(1).get("tags");
        assertTrue(((String) chapterTags.get("title")).startsWith("تعتبر العلاقة"), chapterTags.toString());

        @SuppressWarnings("unchecked")
        Map<String, Object> formatInfo = (Map<String, Object>) probe.get("format");
        if (format.equals("m4b")) {
            assertEquals(filesMs / 1000.0, Double.parseDouble((String) formatInfo.get("duration")), 0.002,
                    "the MP4 edit list gives the exact duration");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tags = (Map<String, Object>) formatInfo.get("tags");
        assertTrue(((String) tags.get("album")).startsWith("تعتبر العلاقة"), tags.toString());
        assertEquals("فريق راوي", tags.get("artist"));
        List<Map<String, Object>> streams = JsonReader.list(probe.get("streams"));
        Object language = format.equals("mp3") ? tags.get("language")
                : ((Map<?, ?>) streams.stream().filter(s -> "audio".equals(s.get("codec_type"))).findFirst()
                .orElseThrow().get("tags")).get("language");
        assertEquals("ara", language, "the language is tagged");
        assertTrue(streams.stream().anyMatch(s -> "video".equals(s.get("codec_type"))
                && ((Map<?, ?>) s.get("disposition")).get("attached_pic").equals(1L)), "the cover is the artwork");
        assertFalse(Files.exists(folder.resolve(".epub-audio")), "no scratch files are left");
        TestSupport.assertValid(folder.resolve("article-ar.epub"));
    }

    private static String ffprobe(Path file) throws Exception {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_chapters", "-show_format", "-show_streams",
                "-of", "json", file.toString()).start();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "ffprobe reads " + file);
        return json;
    }

    @ParameterizedTest
    @CsvSource({"--no-audio, needs narration", "--audio-format wav --audiobook ogg, expected mp3 or m4b"})
    void badAudiobookOptions(String options, String message) {
        List<String> args = new java.util.ArrayList<>(List.of("convert", TestSupport.sample().toString(), "-o",
                out.toString()));
        args.addAll(List.of(options.split(" ")));
        if (!options.contains("--audiobook")) {
            args.addAll(List.of("--audiobook", "mp3"));
        }
        TestSupport.Run r = TestSupport.cli(args.toArray(String[]::new)).expect(2);
        assertTrue(r.err().contains(message), r.err());
    }
}
