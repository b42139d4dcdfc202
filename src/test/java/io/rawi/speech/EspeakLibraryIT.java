package io.rawi.speech;

import io.rawi.book.Language;
import io.rawi.book.Paragraph;
import io.rawi.book.Segmenter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The process's libespeak-ng ({@link EspeakProvider#library()}) with the real eSpeak NG: when it judges rawi's own data
 * folder, and that it finds the library again when the file it remembered is gone. (The rest: {@code EspeakIT}.)
 */
class EspeakLibraryIT {
    @TempDir
    static Path out;

    private static SpeechService speech(VoiceRegistry registry) throws Exception {
        return new SpeechService(registry, SpeechService.installedProviders(), Optional.empty(), Optional.empty());
    }

    /**
     * The first syntheses of a voice and language come from eSpeak NG's own folder, and the probe runs only before
     * the fifth, so that a rebuild that speaks a paragraph or two does not pay for it; the samples are the same on
     * either side of the switch.
     */
    @Test
    void theFolderProbeWaitsForTheFifthSynthesisAndChangesNoSample() throws Exception {
        VoiceRegistry registry = VoiceRegistry.load(Path.of("voices"));
        try (SpeechService speech = speech(registry)) {
            VoiceDefinition arabic = registry.byId("ar-espeak").orElseThrow();
            SpeechEngine engine = speech.engine(arabic);
            // Turkish with the Arabic voice: a voice and language no other test speaks, so none has probed it yet
            var request = SpeechText.request(Segmenter.paragraph("x", Paragraph.Kind.BODY, "Kütüphaneye hoş geldiniz.",
                    Language.of("tr")), arabic);
            short[] first = engine.synthesize(request).pcm();
            for (int i = 2; i <= 6; i++) {
                String state = EspeakProvider.library().judgedFolders().keySet().stream()
                        .filter(k -> k.equals(arabic.engineVoice() + "|tr")).toList().toString();
                assertEquals(i > 5, !state.equals("[]"), "before synthesis " + i + ", probed: " + state);
                assertArrayEquals(first, engine.synthesize(request).pcm(), "synthesis " + i + " against the first");
            }
        }
    }

    /**
     * The library's file is remembered after the first load, so that each fresh load skips the search for it; if
     * that file is gone (eSpeak NG upgraded under a long-running background server), the next load finds the library
     * by name again instead of failing.
     */
    @Test
    void aLibraryFileThatIsGoneIsFoundAgainByName() throws Exception {
        VoiceRegistry registry = VoiceRegistry.load(Path.of("voices"));
        try (SpeechService speech = speech(registry)) {
            VoiceDefinition voice = speech.voiceFor(Language.ARABIC);
            SpeechEngine engine = speech.engine(voice);
            var request = SpeechText.request(Segmenter.paragraph("x", Paragraph.Kind.BODY, "مرحبا بكم.",
                    Language.ARABIC), voice);
            short[] before = engine.synthesize(request).pcm();
            EspeakLibrary library = EspeakProvider.library();
            assertTrue(library.libraryFile() != null, "the file is remembered");
            // as after a conversion in a long-running process: its slots unloaded, the first loaded again (a probe)
            // without speaking, so that the next synthesis takes it as it is, with no load of its own
            library.fresh();
            assertEquals(null, library.load());
            library.rememberLibraryFile(out.resolve("libespeak-ng.so.gone").toString());
            assertArrayEquals(before, engine.synthesize(request).pcm(), "spoken as before");
            assertArrayEquals(before, engine.synthesize(request).pcm(), "spoken from a fresh load found by name");
            assertTrue(library.libraryFile() != null && Files.isRegularFile(Path.of(library.libraryFile())),
                    "found again: " + library.libraryFile());
        }
    }
}
