package io.rawi.speech;

import io.rawi.TestSupport;
import io.rawi.book.Language;
import io.rawi.book.Paragraph;
import io.rawi.book.Segmenter;
import io.rawi.error.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command backend with a real program, FreeTTS, voice files and voice selection. */
class SpeechBackendsTest {
    @TempDir
    Path dir;

    private Path voiceFile(String id, String mode, String out, double timeout) throws Exception {
        return TestSupport.toneVoice(dir, id, mode, out, timeout);
    }

    private static Paragraph paragraph(String text, Language lang) {
        return Segmenter.paragraph("p0001", Paragraph.Kind.BODY, text, lang);
    }

    private Utterance speak(String voiceId, String text) throws Exception {
        VoiceRegistry registry = VoiceRegistry.load(dir);
        VoiceDefinition v = registry.byId(voiceId).orElseThrow();
        try (SpeechService s = new SpeechService(registry, SpeechService.installedProviders(), Optional.of(voiceId),
                Optional.empty())) {
            return s.engine(v).synthesize(SpeechText.request(paragraph(text, Language.ARABIC), v));
        }
    }

    @Test
    void theCommandBackendRunsAProgramPerSentence() throws Exception {
        voiceFile("tone-file", "ok", "{out}", 30);
        voiceFile("tone-stdout", "ok", "-", 30);
        for (String id : List.of("tone-file", "tone-stdout")) {
            Utterance u = speak(id, "ثلاث كلمات هنا. وجملة \"ثانية\"; $(rm -rf /) `id`");
            assertEquals(16000, u.sampleRate());
            assertEquals(2, u.sentences().size());
            assertEquals(3 * 3200, u.sentences().get(0).end(), "three 200 ms tones");
            assertEquals(u.sentences().get(0).end(), u.sentences().get(1).begin());
            assertTrue(u.sentences().get(1).words().stream().allMatch(Mark::estimated));
        }
    }

    @Test
    void aCrashingHangingOrMuteProgramIsAClearError() throws Exception {
        voiceFile("crash", "crash", "{out}", 30);
        voiceFile("hang", "hang", "{out}", 2);
        voiceFile("silent", "silent", "{out}", 30);
        voiceFile("nothing", "nothing", "{out}", 30);
        assertError("crash", "exited with status 3: tone: the voice data is corrupt");
        assertError("hang", "did not finish within 2 s");
        assertError("silent", "no audible speech");
        assertError("nothing", "wrote no audio");
    }

    private void assertError(String voice, String expected) {
        SpeechException e = assertThrows(SpeechException.class, () -> speak(voice, "كلمة واحدة."));
        assertTrue(e.getMessage().startsWith("p0001 (command, voice " + voice + ")"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.exitCode());
    }

    @Test
    void freeTtsSpeaksEnglishAndRefusesArabic() throws Exception {
        VoiceRegistry registry = VoiceRegistry.load(Path.of("voices"));
        try (SpeechService s = new SpeechService(registry, SpeechService.installedProviders(), Optional.empty(),
                Optional.of("freetts"))) {
            VoiceDefinition v = s.voiceFor(Language.ENGLISH);
            assertEquals("en-freetts", v.id());
            Utterance u = s.engine(v).synthesize(SpeechText.request(
                    paragraph("The harbour was quiet. Boats came in at dawn.", Language.ENGLISH), v));
            assertEquals(2, u.sentences().size());
            assertTrue(u.pcm().length > u.sampleRate(), "more than a second of speech");
            assertFalse(Pcm.silent(u.pcm()));
            SpeechException noArabic = assertThrows(SpeechException.class, () -> s.voiceFor(Language.ARABIC));
            assertTrue(noArabic.getMessage().contains("backend freetts has no voice for ar"), noArabic.getMessage());
            SpeechException forced = assertThrows(SpeechException.class, () -> s.engine(v).synthesize(
                    SpeechText.request(paragraph("مرحبا بكم.", Language.ARABIC), v)));
            assertTrue(forced.getMessage().contains("FreeTTS speaks English only"), forced.getMessage());
        }
    }

    @Test
    void nothingCanSpeakALanguageListsEveryProviderAndWhy() throws Exception {
        VoiceRegistry registry = VoiceRegistry.load(Path.of("voices"));
        try (SpeechService s = new SpeechService(registry, SpeechService.installedProviders(), Optional.empty(),
                Optional.empty())) {
            // eSpeak NG defines about a hundred languages, Sanskrit not among them
            SpeechException e = assertThrows(SpeechException.class, () -> s.voiceFor(Language.of("sa")));
            for (String provider : List.of("espeak:", "freetts:", "command:")) {
                assertTrue(e.getMessage().contains(provider), e.getMessage());
            }
            assertTrue(e.getMessage().startsWith("no speech backend can speak sa"), e.getMessage());
        }
    }

    @Test
    void aLanguageWithoutAVoiceFileIsSpokenByESpeakNGsOwnVoice() throws Exception {
        VoiceRegistry registry = VoiceRegistry.load(Path.of("voices"));
        try (SpeechService s = new SpeechService(registry, SpeechService.installedProviders(), Optional.empty(),
                Optional.empty())) {
            VoiceDefinition italian = s.voiceFor(Language.of("it"));
            assertEquals("espeak", italian.backend());
            assertEquals("it", italian.engineVoice());
            Utterance u = s.engine(italian).synthesize(SpeechText.request(paragraph("Buongiorno a tutti.",
                    Language.of("it")), italian));
            assertTrue(u.pcm().length > 4000, "it speaks: " + u.pcm().length + " samples");
        }
    }

    @Test
    void unknownVoiceOrBackendAndMalformedVoiceFiles() throws Exception {
        VoiceRegistry registry = VoiceRegistry.load(Path.of("voices"));
        BadInputException voice = assertThrows(BadInputException.class, () -> new SpeechService(registry,
                SpeechService.installedProviders(), Optional.of("nobody"), Optional.empty()));
        assertTrue(voice.getMessage().contains("ar-espeak"), "lists the known voices: " + voice.getMessage());
        BadInputException backend = assertThrows(BadInputException.class, () -> new SpeechService(registry,
                SpeechService.installedProviders(), Optional.empty(), Optional.of("polly")));
        assertTrue(backend.getMessage().contains("espeak, freetts, command"), backend.getMessage());
        Path bad = Files.writeString(dir.resolve("bad.properties"), "id=bad\nbackend=espeak\n");
        BadInputException missing = assertThrows(BadInputException.class, () -> VoiceRegistry.parse(bad));
        assertTrue(missing.getMessage().equals(bad + ": missing 'languages'"), missing.getMessage());
        Files.writeString(bad, "id=bad\nlanguages=ar\nbackend=espeak\nrate=fast\n");
        assertTrue(assertThrows(BadInputException.class, () -> VoiceRegistry.parse(bad)).getMessage()
                .contains("rate=fast is not a positive number"));
        Files.writeString(bad, "id=bad\nlanguages=ar\nbackend=command\n");
        assertTrue(assertThrows(BadInputException.class, () -> VoiceRegistry.parse(bad)).getMessage()
                .contains("needs command.1"));
        Files.writeString(bad, "id=bad\nlanguages=ar\nbackend=espeak\nlexicon=none.pls\n");
        assertTrue(assertThrows(BadInputException.class, () -> VoiceRegistry.parse(bad)).getMessage()
                .contains("does not exist"));
        Path pls = Files.writeString(dir.resolve("evil.pls"), "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
                + "\"file:///etc/passwd\">]><lexicon xmlns=\"http://www.w3.org/2005/01/pronunciation-lexicon\">&e;</lexicon>");
        assertThrows(BadInputException.class, () -> Lexicon.read(pls));
    }

    @Test
    void whatIsSpokenDropsQuotesAndAppliesTheLexicon() throws Exception {
        Lexicon lex = Lexicon.read(Path.of("voices", "lexicons", "ar-names.pls"));
        assertEquals("بَيْرامُوف", SpeechText.spoken("بيراموف", Optional.of(lex)));
        assertEquals("وعَلِيِيف،", SpeechText.spoken("وعلييف،", Optional.of(lex)));
        assertEquals("إسرائيل", SpeechText.spoken("«إسرائيل»", Optional.of(lex)));
        assertEquals("اليوم.", SpeechText.spoken("اليوم.»", Optional.empty()));
        assertEquals("", SpeechText.spoken("—", Optional.empty()));
        assertEquals("16", SpeechText.spoken("16", Optional.of(lex)), "digits stay digits: engines read numbers");
    }
}
