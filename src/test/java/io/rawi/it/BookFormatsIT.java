package io.rawi.it;

import io.rawi.AudioProbe;
import io.rawi.OverlayChecker;
import io.rawi.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of narrated book rawi makes: each audio format, an English book spoken by FreeTTS. */
class BookFormatsIT {
    @TempDir
    Path out;

    @Test
    void wavFolderWithMp3InsideTheEpub() throws Exception {
        TestSupport.cli("convert", TestSupport.sample().toString(), "-o", out.toString(), "--audio-format", "wav")
                .expect(0);
        Path folder = out.resolve("library-ar");
        assertTrue(Files.isRegularFile(folder.resolve("audio/p0001.wav")));
        assertTrue(Files.notExists(folder.resolve(".epub-audio")), "scratch audio is not left in the book folder");
        Path epub = folder.resolve("library-ar.epub");
        TestSupport.assertValid(epub);
        Map<String, byte[]> files = TestSupport.unzip(epub);
        assertTrue(files.containsKey("OEBPS/audio/p0001.mp3"), "a core media type inside the EPUB");
        OverlayChecker.check(epub);
        Path mp3 = Files.write(out.resolve("inside.mp3"), files.get("OEBPS/audio/p0001.mp3"));
        assertEquals(AudioProbe.decode(folder.resolve("audio/p0001.wav")).millis(), AudioProbe.decode(mp3).millis(), 1,
                "the WAV in the folder and the MP3 in the book are the same audio");
    }

    @Test
    void opusBooks() throws Exception {
        TestSupport.cli("convert", TestSupport.sample().toString(), "-o", out.toString(), "--audio-format", "opus")
                .expect(0);
        Path epub = out.resolve("library-ar/library-ar.epub");
        TestSupport.assertValid(epub);
        String opf = TestSupport.text(TestSupport.unzip(epub), "OEBPS/package.opf");
        assertTrue(opf.contains("media-type=\"audio/ogg; codecs=opus\""), opf);
        OverlayChecker.check(epub);
    }

    @Test
    void anEnglishArticleIsSpokenByFreeTts() throws Exception {
        Path input = Files.writeString(out.resolve("harbour.txt"), "The Quiet Harbour\n\n"
                + "The boats came in at dawn. Nobody said a word.\n\nBy noon the market was full of fish and gulls.\n");
        TestSupport.Run r = TestSupport.cli("convert", input.toString(), "-o", out.toString(), "--sync", "word").expect(0);
        Path folder = out.resolve("harbour");
        Path epub = folder.resolve("harbour.epub");
        TestSupport.assertValid(epub);
        OverlayChecker.check(epub);
        String timings = Files.readString(folder.resolve("timings.json"));
        assertTrue(timings.contains("\"voice\": \"en-freetts\""), timings);
        AudioProbe.Decoded audio = AudioProbe.decode(folder.resolve("audio/p0001.mp3"));
        assertTrue(audio.millis() > 1500 && audio.rmsDbfs() > -35, audio.millis() + " ms " + audio.rmsDbfs() + " dBFS");
        assertTrue(r.err().contains("narrated"), r.err());
    }

    @Test
    void askingFreeTtsForArabicFailsClearly() {
        TestSupport.Run r = TestSupport.cli("convert", TestSupport.sample().toString(), "-o", out.toString(),
                "--backend", "freetts").expect(1);
        assertTrue(r.err().contains("backend freetts has no voice for ar"), r.err());
        TestSupport.Run forced = TestSupport.cli("convert", TestSupport.sample().toString(), "-o", out.toString(),
                "--voice", "en-freetts").expect(1);
        assertTrue(forced.err().contains("FreeTTS speaks English only and cannot speak ar"), forced.err());
        assertTrue(Files.notExists(out.resolve("library-ar")), "no book is left");
    }
}
