package io.rawi.it;

import io.rawi.internal.JsonReader;

import io.rawi.AudioProbe;
import io.rawi.OverlayChecker;
import io.rawi.TestSupport;
import io.rawi.audio.AudioProcessor;
import io.rawi.book.Language;
import io.rawi.book.Paragraph;
import io.rawi.book.Segmenter;
import io.rawi.speech.SpeechEngine;
import io.rawi.speech.SpeechService;
import io.rawi.speech.SpeechText;
import io.rawi.speech.Utterance;
import io.rawi.speech.VoiceDefinition;
import io.rawi.speech.VoiceRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed narrated by the real eSpeak NG. These tests need espeak-ng, libmp3lame and ffmpeg; when one is missing
 * they fail with what to install (CI installs them). They never skip.
 */
class EspeakIT {
    private static final Pattern EXTINF = Pattern.compile("#EXTINF:(\\d+)\\.(\\d{3}),.*\\n(\\S+)");

    @TempDir
    static Path out;
    static Path book;

    @BeforeAll
    static void convertTheSeed() {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/espeak-ng")) || System.getenv("PATH").contains("espeak"),
                "eSpeak NG must be installed for these tests: apt-get install espeak-ng");
        TestSupport.cli("convert", TestSupport.seed().toString(), "-o", out.toString(), "--date", TestSupport.DATE)
                .expect(0);
        book = out.resolve("article-ar");
    }

    /**
     * pronunciation.json judges every Arabic block by eSpeak NG's own phonemes: vowelled, at most 3 % of the seed's
     * Arabic words are left unread, each listed with phonemes that are indeed unreadable; spoken as written, about a
     * quarter are, and the report says so. A rebuild from the cache gives the same report.
     */
    @Test
    void thePronunciationReportListsWhatTheEngineReadsWithoutVowels() throws Exception {
        Map<String, Object> report = JsonReader.parse(Files.readString(book.resolve("pronunciation.json")));
        Map<String, Object> timings = JsonReader.parse(Files.readString(book.resolve("timings.json")));
        long arabicBlocks = JsonReader.list(timings.get("paragraphs")).stream()
                .filter(p -> Pattern.compile("[\u0621-\u064A]").matcher((String) p.get("text")).find()).count();
        assertEquals(arabicBlocks, ((Number) report.get("blocksJudged")).longValue());
        long arabicWords = 0;
        for (String line : Files.readAllLines(TestSupport.seed())) {
            for (String w : line.split("\\s+")) {
                arabicWords += Pattern.compile("[\u0621-\u064A]").matcher(w).find() ? 1 : 0;
            }
        }
        long unread = ((Number) report.get("unreadWords")).longValue();
        assertTrue(unread * 100 <= 3 * arabicWords, unread + " of " + arabicWords + " Arabic words unread");
        for (Map<String, Object> w : JsonReader.list(report.get("words"))) {
            assertTrue(io.rawi.speech.EspeakProvider.unreadable((String) w.get("phonemes")), w.toString());
            assertFalse(JsonReader.list(w.get("paragraphs")).isEmpty(), w.toString());
        }
        Path written = out.resolve("as-written");
        Path cache = out.resolve("report-cache");
        String first = null;
        for (int run = 0; run < 2; run++) { // spoken, then taken from the cache
            TestSupport.cli("convert", TestSupport.seed().toString(), "-o", written.toString(), "--date",
                    TestSupport.DATE, "--no-diacritize", "--cache", cache.toString(), "-q").expect(0);
            Map<String, Object> plain = JsonReader.parse(Files.readString(written.resolve("article-ar/pronunciation.json")));
            long many = ((Number) plain.get("unreadWords")).longValue();
            assertTrue(many * 100 >= 15 * arabicWords, "as written, many are unread: " + many + " of " + arabicWords);
            String text = Files.readString(written.resolve("article-ar/pronunciation.json"));
            assertTrue(first == null || first.equals(text), "the same report from the cache");
            first = text;
        }
    }

    @Test
    void everyParagraphIsAnAudibleArabicMp3OfTheRightLength() throws Exception {
        Map<String, Object> timings = JsonReader.parse(Files.readString(book.resolve("timings.json")));
        List<Map<String, Object>> paragraphs = JsonReader.list(timings.get("paragraphs"));
        List<String> body = paragraphs.stream().map(p -> (String) p.get("id")).filter(id -> id.startsWith("p")).toList();
        assertEquals(14, body.size(), "the seed has 14 paragraphs, one per line");
        Map<String, String> spoken = new java.util.HashMap<>();
        TestSupport.cli("spoken", "--ids", TestSupport.seed().toString()).expect(0).out().lines()
                .forEach(l -> spoken.put(l.substring(0, l.indexOf('\t')), l.substring(l.indexOf('\t') + 1)));
        for (Map<String, Object> p : paragraphs) {
            Path mp3 = book.resolve((String) p.get("file"));
            AudioProbe.Decoded audio = AudioProbe.decode(mp3);
            long declared = ((Number) p.get("durationMs")).longValue();
            assertEquals(declared, audio.millis(), 1, mp3 + ": timings.json agrees with the decoded audio");
            assertTrue(audio.rmsDbfs() > -35, mp3 + " is not silent: " + audio.rmsDbfs() + " dBFS");
            // the same text as rawi gave the engine (vowelled, numbers said), and rawi's lead-out beyond the 400 ms
            // this comparison was made with: the pause before the next block grows with the break
            long reference = espeakWavMillis(spoken.get((String) p.get("id")));
            long leadOut = ((Number) p.get("leadOutMs")).longValue();
            assertEquals(reference, audio.millis() - (leadOut - 400), reference * 0.10,
                    mp3 + ": within 10 % of espeak-ng's own WAV of the same text (" + reference + " ms)");
        }
    }

    /** The length of {@code espeak-ng -w} for the text at the voice's speed. */
    private static long espeakWavMillis(String text) throws Exception {
        Path wav = Files.createTempFile("espeak-", ".wav");
        Process p = new ProcessBuilder("espeak-ng", "-v", "ar", "-s", String.valueOf(175 * 95 / 100), "-w", wav.toString(), text)
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        long ms = AudioProbe.decode(wav).millis();
        Files.delete(wav);
        return ms;
    }

    @Test
    void playlistAndCaptionsAgreeWithTheAudio() throws Exception {
        String m3u8 = Files.readString(book.resolve("article-ar.m3u8"));
        Matcher m = EXTINF.matcher(m3u8);
        long offset = 0;
        List<Long> fileStarts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        while (m.find()) {
            long ms = Long.parseLong(m.group(1)) * 1000 + Long.parseLong(m.group(2));
            assertEquals(AudioProbe.decode(book.resolve(m.group(3))).millis(), ms, 1, m.group(3));
            fileStarts.add(offset);
            files.add(m.group(3));
            offset += ms;
        }
        assertEquals(14, files.size(), "14 paragraphs: the title, cut from the first sentence, is heard in it");
        Map<String, Object> timings = JsonReader.parse(Files.readString(book.resolve("timings.json")));
        List<Map<String, Object>> paragraphs = JsonReader.list(timings.get("paragraphs"));
        String vtt = Files.readString(book.resolve("article-ar.vtt"));
        for (int i = 0; i < paragraphs.size(); i++) {
            for (Map<String, Object> s : JsonReader.list(paragraphs.get(i).get("sentences"))) {
                long begin = fileStarts.get(i) + ((Number) s.get("beginMs")).longValue();
                long end = fileStarts.get(i) + ((Number) s.get("endMs")).longValue();
                String cue = s.get("id") + "\n" + vtt(begin) + " --> " + vtt(end) + "\n" + s.get("text") + "\n";
                assertTrue(vtt.contains(cue), "cue " + cue);
            }
        }
    }

    private static String vtt(long ms) {
        return String.format("%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }

    @Test
    void theBookIsValidInEverySyncModeAndItsOverlaysAreConsistent() throws Exception {
        TestSupport.assertValid(book.resolve("article-ar.epub"));
        OverlayChecker.check(book.resolve("article-ar.epub"));
        for (String sync : List.of("word", "paragraph")) {
            Path o = out.resolve(sync);
            TestSupport.cli("convert", TestSupport.seed().toString(), "-o", o.toString(), "--sync", sync).expect(0);
            Path epub = o.resolve("article-ar/article-ar.epub");
            TestSupport.assertValid(epub);
            List<OverlayChecker.Par> pars = OverlayChecker.check(epub);
            if (sync.equals("word")) {
                wordClipsLieInsideTheirSentences(pars, JsonReader.parse(Files.readString(o.resolve("article-ar/timings.json"))));
            }
        }
    }

    private static void wordClipsLieInsideTheirSentences(List<OverlayChecker.Par> pars, Map<String, Object> timings) {
        Map<String, long[]> sentences = new java.util.HashMap<>();
        for (Map<String, Object> p : JsonReader.list(timings.get("paragraphs"))) {
            for (Map<String, Object> s : JsonReader.list(p.get("sentences"))) {
                sentences.put((String) s.get("id"), new long[] {((Number) s.get("beginMs")).longValue(),
                        ((Number) s.get("endMs")).longValue()});
                assertEquals(false, s.get("wordsEstimated"), "word positions come from the engine's events");
            }
        }
        long wordPars = 0;
        for (OverlayChecker.Par p : pars) {
            String sentence = p.textId().replaceAll("w\\d+$", "");
            long[] span = sentences.get(sentence);
            assertTrue(p.beginMs() >= span[0] && p.endMs() <= span[1], p + " lies inside " + sentence);
            wordPars++;
        }
        assertTrue(wordPars > 300, "the seed has hundreds of words: " + wordPars);
    }

    /**
     * Each sentence's clip, less the silence that follows it (the pause between sentences belongs to the clip
     * before it), lasts as long as the same sentence spoken alone by the same voice, within 150 ms or 10 %.
     */
    @Test
    void sentenceClipsMatchTheSentenceSpokenAlone() throws Exception {
        VoiceRegistry registry = VoiceRegistry.load(Path.of("voices"));
        Map<String, Object> timings = JsonReader.parse(Files.readString(book.resolve("timings.json")));
        try (SpeechService speech = new SpeechService(registry, SpeechService.installedProviders(), Optional.empty(),
                Optional.empty())) {
            VoiceDefinition voice = speech.voiceFor(Language.ARABIC);
            SpeechEngine engine = speech.engine(voice);
            int checked = 0;
            for (Map<String, Object> p : JsonReader.list(timings.get("paragraphs"))) {
                AudioProbe.Decoded audio = AudioProbe.decode(book.resolve((String) p.get("file")));
                for (Map<String, Object> s : JsonReader.list(p.get("sentences"))) {
                    long begin = ((Number) s.get("beginMs")).longValue();
                    long end = ((Number) s.get("endMs")).longValue();
                    long clip = end - begin - trailingSilenceMs(audio, begin, end);
                    Paragraph alone = Segmenter.paragraph("x", Paragraph.Kind.BODY, (String) s.get("text"), Language.ARABIC);
                    Utterance u = engine.synthesize(SpeechText.request(alone, voice));
                    long expected = AudioProcessor.process(u).durationMillis() - AudioProcessor.LEAD_IN_MS
                            - AudioProcessor.LEAD_OUT_MS;
                    assertEquals(expected, clip, Math.max(150, expected * 0.10), s.get("id") + ": clip vs alone");
                    checked++;
                }
            }
            assertTrue(checked >= 16, "every sentence was checked: " + checked);
        }
    }

    /**
     * One paragraph gives the same samples whatever the engine spoke before it in this process: alone, after a long
     * paragraph, after a question and a number, after English, and twice in a row. libespeak-ng carries pauses and
     * waveform phase from one utterance to the next (1 to 8 files of 170 differed between two runs before every
     * synthesis started from a fresh load of it).
     */
    @Test
    void aParagraphSoundsTheSameWhateverWasSpokenBefore() throws Exception {
        VoiceRegistry registry = VoiceRegistry.load(Path.of("voices"));
        try (SpeechService speech = speech(registry)) {
            VoiceDefinition arabic = speech.voiceFor(Language.ARABIC);
            VoiceDefinition english = speech.voiceFor(Language.of("en"));
            SpeechEngine engine = speech.engine(arabic);
            Paragraph p = Segmenter.paragraph("p0002", Paragraph.Kind.BODY,
                    "قالت المديرة إن المكتبة ستفتح أبوابها في الصباح، وإن القراءة حق للجميع.", Language.ARABIC);
            short[] alone = engine.synthesize(SpeechText.request(p, arabic)).pcm();
            List<List<Paragraph>> predecessors = List.of(
                    List.of(Segmenter.paragraph("p0001", Paragraph.Kind.BODY, "هل تعرف كم كتابا في المكتبة؟ "
                            + "فيها 12345 كتابا، وأكثر من ثلاثمئة مخطوطة قديمة محفوظة في قاعة خاصة.", Language.ARABIC)),
                    List.of(Segmenter.paragraph("p0001", Paragraph.Kind.HEADING, "المكتبة", Language.ARABIC),
                            Segmenter.paragraph("p0003", Paragraph.Kind.BODY, "The library opens at nine.",
                                    Language.of("en"))),
                    List.of(p));
            for (List<Paragraph> before : predecessors) {
                for (Paragraph b : before) {
                    VoiceDefinition v = b.language().primary().equals("en") ? english : arabic;
                    speech.engine(v).synthesize(SpeechText.request(b, v));
                }
                short[] after = engine.synthesize(SpeechText.request(p, arabic)).pcm();
                assertArrayEquals(alone, after, "the same samples after " + before.stream().map(Paragraph::text).toList());
            }
            // and side by side, in the library's slots (one per core, each its own copy of the library)
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<short[]>> together = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    Paragraph q = i % 2 == 0 ? p : predecessors.get(0).get(0);
                    together.add(pool.submit(() -> engine.synthesize(SpeechText.request(q, arabic)).pcm()));
                }
                for (int i = 0; i < 8; i += 2) {
                    assertArrayEquals(alone, together.get(i).get(), "the same samples beside other syntheses");
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    /**
     * English words in a Hebrew paragraph are spoken by an English voice: eSpeak NG's Hebrew spelled them letter by
     * letter ("eitch, ee, el, el, oh"). Judged from eSpeak NG's own phonemes for the SSML rawi gives it.
     */
    @Test
    void englishWordsInHebrewAreSpokenInEnglish() throws Exception {
        VoiceRegistry registry = VoiceRegistry.load(Path.of("voices"));
        try (SpeechService speech = speech(registry)) {
            Language hebrew = Language.of("he");
            VoiceDefinition voice = speech.voiceFor(hebrew);
            Paragraph p = Segmenter.paragraph("p0001", Paragraph.Kind.BODY, "שלום hello world שלום", hebrew);
            String ssml = io.rawi.speech.EspeakProvider.ssmlFor(SpeechText.request(p, voice));
            assertTrue(ssml.contains("<voice xml:lang=\"en\">"), ssml);
            Process espeak = new ProcessBuilder("espeak-ng", "-m", "-q", "-x", "-v", voice.engineVoice(), ssml)
                    .redirectErrorStream(true).start();
            String phonemes = new String(espeak.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(espeak.waitFor(30, TimeUnit.SECONDS));
            assertTrue(phonemes.contains("h@l'oU") && !phonemes.contains("'eItS"), phonemes);
            assertTrue(phonemes.contains("Sal'om"), "the Hebrew stays Hebrew: " + phonemes);
            Utterance u = speech.engine(voice).synthesize(SpeechText.request(p, voice));
            assertEquals(4, u.sentences().get(0).words().size());
        }
    }

    /** The speech service of {@code registry}'s voices with every installed backend, as a conversion has it. */
    private static SpeechService speech(VoiceRegistry registry) throws Exception {
        return new SpeechService(registry, SpeechService.installedProviders(), Optional.empty(), Optional.empty());
    }

    private static long trailingSilenceMs(AudioProbe.Decoded audio, long beginMs, long endMs) {
        int from = (int) (beginMs * audio.rate() / 1000);
        int i = (int) Math.min(audio.samples().length, endMs * audio.rate() / 1000);
        int end = i;
        while (i > from && Math.abs(audio.samples()[i - 1]) < 328) {
            i--;
        }
        return (end - i) * 1000L / audio.rate();
    }

    @Test
    void theEspeakProgramIsTheFallbackWhenTheLibraryIsNotUsed() throws Exception {
        System.setProperty("rawi.espeak", "cli");
        try {
            Path o = out.resolve("cli");
            TestSupport.Run r = TestSupport.cli("convert", TestSupport.sample().toString(), "-o", o.toString()).expect(0);
            Path epub = o.resolve("library-ar/library-ar.epub");
            TestSupport.assertValid(epub);
            OverlayChecker.check(epub);
            assertTrue(Files.readString(o.resolve("library-ar/timings.json")).contains("\"wordsEstimated\": true"),
                    "the program reports no word positions, so they are apportioned and marked so: " + r.err());
        } finally {
            System.clearProperty("rawi.espeak");
        }
    }

    @Test
    void theLexiconChangesWhatTheEngineSays() throws Exception {
        VoiceRegistry registry = VoiceRegistry.load(Path.of("voices"));
        VoiceDefinition withLexicon = registry.byId("ar-espeak").orElseThrow();
        assertTrue(withLexicon.lexicon().isPresent());
        VoiceDefinition without = new VoiceDefinition("plain", "plain", List.of("ar"), "espeak", "ar", 95, 100, 100,
                Optional.empty(), false, List.of(), 30, 1, withLexicon.source());
        Paragraph p = Segmenter.paragraph("p0001", Paragraph.Kind.BODY, "قال الوزير جيهون بيراموف.", Language.ARABIC);
        try (SpeechService speech = new SpeechService(registry, SpeechService.installedProviders(), Optional.empty(),
                Optional.empty())) {
            short[] a = speech.engine(withLexicon).synthesize(SpeechText.request(p, withLexicon)).pcm();
            short[] b = speech.engine(without).synthesize(SpeechText.request(p, without)).pcm();
            assertFalse(java.util.Arrays.equals(a, b), "the lexicon's vowelled names sound different");
        }
        String plain = phonemes("بيراموف");
        String vowelled = phonemes(SpeechText.spoken("بيراموف", withLexicon.lexicon()));
        assertNotEquals(plain, vowelled);
        assertTrue(vowelled.startsWith("ba"), "Bayramov, not Biramuf: " + vowelled);
    }

    @Test
    void digitsAreReadAsArabicNumbers() throws Exception {
        String spoken = String.join(" ", List.of("منذ", SpeechText.spoken("16", Optional.empty()), "يوليو"));
        assertTrue(phonemes(spoken).contains("s'it:at,a"), "sixteen in Arabic (sittata ʿashar): " + phonemes(spoken));
        assertTrue(phonemes("47 عامًا").contains("s'abA-,aw"), "forty-seven (sabʿa wa-arbaʿūn): " + phonemes("47 عامًا"));
        assertTrue(phonemes("عام 2016").contains("?alf'a:n"), "two thousand (alfān): " + phonemes("عام 2016"));
        assertFalse(phonemes("16").contains("sIkst"), "not English");
    }

    private static String phonemes(String text) throws Exception {
        Process p = new ProcessBuilder("espeak-ng", "-v", "ar", "-q", "-x", text).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out;
    }

    /**
     * Two fresh runs, as a user makes them, with one job and with four, give the same bytes (each in its own process,
     * as with ./rawi).
     */
    @Test
    void theOutputDoesNotDependOnScheduling() throws Exception {
        byte[][] books = new byte[2][];
        int i = 0;
        for (String jobs : List.of("1", "4")) {
            Path o = out.resolve("jobs-" + jobs);
            Process p = rawi(Map.of(), "convert", TestSupport.sample().toString(), "-o", o.toString(), "--jobs", jobs,
                    "--date", TestSupport.DATE, "--no-cache");
            assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            books[i++] = Files.readAllBytes(o.resolve("library-ar/library-ar.epub"));
        }
        assertArrayEquals(books[0], books[1], "one job or four, the same bytes");
    }

    /**
     * Two books made one after the other in one process, as the background server makes them, are the same bytes:
     * each paragraph is spoken from a fresh load of libespeak-ng, which otherwise carries pauses and waveform phase
     * over from what it spoke before (the first run here follows this class's other tests).
     */
    @Test
    void aBookDoesNotDependOnWhatTheProcessSpokeBefore() throws Exception {
        byte[][] books = new byte[2][];
        for (int i = 0; i < 2; i++) {
            Path o = out.resolve("again-" + i);
            TestSupport.cli("convert", TestSupport.sample().toString(), "-o", o.toString(), "--date", TestSupport.DATE,
                    "--identifier", TestSupport.UUID, "--no-cache", "--no-cover", "-q").expect(0);
            books[i] = Files.readAllBytes(o.resolve("library-ar/library-ar.epub"));
        }
        assertArrayEquals(books[0], books[1], "the second book, spoken after the first in the same process");
    }

    /**
     * A run killed half-way leaves some paragraphs in the cache, and the rerun speaks the others, each after other
     * paragraphs than in a full run. Each synthesis starts from a fresh load of libespeak-ng, so the rerun's book is
     * the same bytes as the uninterrupted run's. The cache here loses every other entry, as a killed run leaves it.
     */
    @Test
    void aRerunThatSpeaksOnlySomeParagraphsGivesTheUninterruptedBook() throws Exception {
        Path cache = out.resolve("partial-cache");
        Path full = out.resolve("full");
        Path resumed = out.resolve("resumed");
        String seed = TestSupport.seed().toString();
        String[] fixed = {"--date", TestSupport.DATE, "--identifier", TestSupport.UUID, "--no-cover"};
        TestSupport.cli(cat(new String[] {"convert", seed, "-o", full.toString(), "--cache", cache.toString(), "-q"},
                fixed)).expect(0);
        List<Path> entries;
        try (var shards = Files.list(cache)) {
            entries = new ArrayList<>();
            for (Path shard : shards.filter(d -> d.getFileName().toString().length() == 2).sorted().toList()) {
                try (var list = Files.list(shard)) {
                    entries.addAll(list.sorted().toList());
                }
            }
        }
        assertTrue(entries.size() >= 10, "the seed's paragraphs are cached: " + entries.size());
        for (int i = 0; i < entries.size(); i += 2) {
            try (var files = Files.walk(entries.get(i))) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        TestSupport.Run rerun = TestSupport.cli(cat(new String[] {"convert", seed, "-o", resumed.toString(), "--cache",
                cache.toString()}, fixed)).expect(0);
        Matcher m = Pattern.compile("narrated (\\d+) audio files, \\d+ s of speech, (\\d+) of them from the cache")
                .matcher(rerun.err());
        assertTrue(m.find(), rerun.err());
        int spoken = Integer.parseInt(m.group(1)) - Integer.parseInt(m.group(2));
        assertTrue(spoken >= 5 && Integer.parseInt(m.group(2)) >= 5, "some spoken again, some from the cache: " + m.group());
        TestSupport.assertSameFiles(full.resolve("article-ar"), resumed.resolve("article-ar"));
    }

    /**
     * libespeak-ng is started on a data folder of rawi's own that holds only the voices it has used (so that a fresh
     * load need not read all of eSpeak NG's voice files). Every eSpeak NG voice of {@code voices/} speaks the same
     * samples from it as from eSpeak NG's own folder, in its language and in others, and the same text twice in a row
     * gives the same samples. (The probe runs before the first synthesis here, so that every one but the reference
     * comes from rawi's folder.)
     */
    @Test
    void everyEspeakVoiceSpeaksTheSameFromRawisDataFolder() throws Exception {
        System.setProperty("rawi.espeak.probeAfter", "0");
        try {
            speakEveryVoiceFromBothFolders();
        } finally {
            System.clearProperty("rawi.espeak.probeAfter");
        }
    }

    private void speakEveryVoiceFromBothFolders() throws Exception {
        Map<String, String> texts = Map.of("ar", "مرحبا بكم في المكتبة، 12 كتابا.", "en", "Welcome to the library, 12 books.",
                "de", "Willkommen in der Bibliothek.", "es", "Bienvenidos a la biblioteca.",
                "fa", "به کتابخانه خوش آمدید.", "fr", "Bienvenue à la bibliothèque.", "he", "ברוכים הבאים לספרייה.",
                "ru", "Добро пожаловать в библиотеку.", "tr", "Kütüphaneye hoş geldiniz.", "ur", "لائبریری میں خوش آمدید۔");
        VoiceRegistry registry = VoiceRegistry.load(Path.of("voices"));
        int checked = 0;
        try (SpeechService speech = new SpeechService(registry, SpeechService.installedProviders(), Optional.empty(),
                Optional.empty())) {
            for (VoiceDefinition voice : registry.all()) {
                if (!voice.backend().equals("espeak")) {
                    continue;
                }
                String lang = voice.languages().get(0);
                String text = texts.get(lang.split("-")[0]);
                assertTrue(text != null, "a text for " + voice.id());
                SpeechEngine engine = speech.engine(voice);
                var request = SpeechText.request(Segmenter.paragraph("x", Paragraph.Kind.BODY, text, Language.of(lang)),
                        voice);
                short[] first = engine.synthesize(request).pcm();
                short[] again = engine.synthesize(request).pcm();
                short[] own = onEspeaksOwnFolder(engine, request);
                assertTrue(first.length > 8000, voice.id() + " spoke");
                assertArrayEquals(first, again, voice.id() + ": the same text twice in a row");
                assertArrayEquals(own, again, voice.id() + ": from eSpeak NG's own folder and from rawi's");
                checked++;
            }
            // a paragraph in another language than the voice's (--voice forces one): SSML's xml:lang then has eSpeak
            // NG pick a voice for that language, which rawi's folder may not hold; French is in no voice of voices/
            VoiceDefinition arabic = registry.byId("ar-espeak").orElseThrow();
            for (String lang : List.of("en", "fr", "ar")) {
                SpeechEngine engine = speech.engine(arabic);
                var request = SpeechText.request(Segmenter.paragraph("x", Paragraph.Kind.BODY, texts.get(lang),
                        Language.of(lang)), arabic);
                short[] mirrored = engine.synthesize(request).pcm();
                assertArrayEquals(onEspeaksOwnFolder(engine, request), mirrored,
                        "ar-espeak speaking " + lang + ": from both folders");
                checked++;
            }
        }
        assertTrue(checked >= 13, "every eSpeak NG voice, and one in other languages: " + checked);
    }

    /** What {@code engine} says with libespeak-ng started on eSpeak NG's own data folder. */
    private static short[] onEspeaksOwnFolder(SpeechEngine engine, io.rawi.speech.SpeechRequest request)
            throws Exception {
        System.setProperty("rawi.espeak.mirror", "false");
        try {
            return engine.synthesize(request).pcm();
        } finally {
            System.clearProperty("rawi.espeak.mirror");
        }
    }

    private static String[] cat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Runs rawi in a new JVM with the test class path, extra system properties, and waits for it. */
    private static Process rawi(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path")));
        env.forEach((k, v) -> {
            if (k.startsWith("-D")) {
                command.add(k + "=" + v);
            }
        });
        command.add("io.rawi.Main");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        env.forEach((k, v) -> {
            if (!k.startsWith("-D")) {
                pb.environment().put(k, v);
            }
        });
        Process p = pb.start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "rawi finished");
        return p;
    }

    @Test
    void withoutEspeakNothingCanSpeakArabicAndTheErrorSaysWhy() throws Exception {
        Path o = out.resolve("no-espeak");
        Process p = rawi(Map.of("-Drawi.espeak.library", "espeak-ng-removed", "PATH", "/nonexistent"),
                "convert", TestSupport.sample().toString(), "-o", o.toString());
        String stdout = "";
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), stdout + stderr);
        assertTrue(stderr.contains("no speech backend can speak ar:"), stderr);
        assertTrue(stderr.contains("espeak: libespeak-ng cannot be loaded (no library 'espeak-ng-removed' found), "
                + "and no espeak-ng program on PATH"), stderr);
        assertTrue(stderr.contains("apt-get install espeak-ng"), stderr);
        assertTrue(stderr.contains("freetts: no voice for ar (speaks en)"), stderr);
        assertTrue(stderr.contains("command: no voice for ar"), stderr);
        assertFalse(Files.exists(o.resolve("library-ar")), "no book without its audio");
        if (!Files.exists(o)) {
            return;
        }
        try (var left = Files.list(o)) {
            assertEquals(0, left.count(), "nothing half-written is left");
        }
    }
}
