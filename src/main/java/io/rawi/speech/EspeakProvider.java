package io.rawi.speech;

import java.util.Set;

import io.rawi.internal.Processes;
import io.rawi.internal.Programs;
import org.apache.commons.text.StringEscapeUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * eSpeak NG: Arabic and about a hundred other languages, offline. In process through {@code libespeak-ng} when it
 * loads, with sentence and word positions from the engine's mark events; otherwise the {@code espeak-ng} program,
 * one call per sentence, with word positions apportioned. {@code -Drawi.espeak=cli} forces the program.
 */
public final class EspeakProvider implements SpeechProvider {
    static final String ID = "espeak";
    /**
     * The process's libespeak-ng: its loaded copies, its data folder and what it learnt of both belong to the process,
     * not to one provider (a provider is made anew for each speech service), so every provider speaks through it.
     */
    static EspeakLibrary library() {
        io.rawi.internal.NativeStart.prepare(); // before JNA's first use
        return io.rawi.internal.ProcessWide.of(EspeakLibrary.class, EspeakLibrary::new);
    }
    private static final int NORMAL_WPM = 175;

    /** Where distributions install eSpeak NG's language definitions. */
    private static final List<String> DATA = List.of("/usr/lib/x86_64-linux-gnu/espeak-ng-data/lang",
            "/usr/lib/aarch64-linux-gnu/espeak-ng-data/lang", "/usr/lib/espeak-ng-data/lang",
            "/usr/share/espeak-ng-data/lang", "/usr/local/share/espeak-ng-data/lang");

    @Override
    public String id() {
        return ID;
    }

    /** The languages eSpeak NG's data defines here (file names such as {@code it}, {@code ja}, {@code pt-br}). */
    static Set<String> languages() {
        return Languages.ALL;
    }

    private static final class Languages {
        static final Set<String> ALL = scan();

        private static Set<String> scan() {
            Set<String> found = new java.util.TreeSet<>();
            for (String folder : DATA) {
                java.nio.file.Path root = java.nio.file.Path.of(folder);
                if (!java.nio.file.Files.isDirectory(root)) {
                    continue;
                }
                try (var files = java.nio.file.Files.walk(root)) {
                    files.filter(java.nio.file.Files::isRegularFile)
                            .forEach(f -> found.add(f.getFileName().toString().toLowerCase(java.util.Locale.ROOT)));
                } catch (java.io.IOException | java.io.UncheckedIOException e) {
                    // an unreadable data folder defines no language
                }
            }
            return Set.copyOf(found);
        }
    }

    /**
     * Loads and starts libespeak-ng for the first paragraph, in the background; from a fresh load if this process has
     * spoken with it before (the background server converts many books), as every paragraph is spoken from one.
     */
    @Override
    public void warmUp() {
        if (!"cli".equals(System.getProperty("rawi.espeak"))) {
            library().fresh();
        }
        probe();
        StringEscapeUtils.escapeXml10(""); // its tables take a cold run about 10 ms to build: not on the first paragraph
    }

    /** Whether eSpeak NG speaks in process here (its phonemes can then judge what it reads). */
    public static boolean inProcess() {
        return !"cli".equals(System.getProperty("rawi.espeak")) && library().load() == null;
    }

    @Override
    public Probe probe() {
        if (!"cli".equals(System.getProperty("rawi.espeak"))) {
            String error = library().load();
            if (error == null) {
                return Probe.ok(library().version() + " (in process)");
            }
            if (program() != null) {
                return Probe.ok("espeak-ng program at " + program() + " (" + error + ")");
            }
            return Probe.no(error + ", and no espeak-ng program on PATH; install it: apt-get install espeak-ng");
        }
        return program() != null ? Probe.ok("espeak-ng program at " + program())
                : Probe.no("no espeak-ng program on PATH; install it: apt-get install espeak-ng");
    }

    @Override
    public SpeechEngine open(VoiceDefinition voice) throws SpeechException {
        Probe probe = probe();
        if (!probe.available()) {
            throw new SpeechException("espeak: " + probe.detail());
        }
        boolean library = !"cli".equals(System.getProperty("rawi.espeak")) && library().load() == null;
        return new Engine(voice, library, probe.detail());
    }

    /** The espeak-ng program, or null when it is not on PATH. */
    static String program() {
        return Programs.find("espeak-ng").map(Path::toString).orElse(null);
    }

    /** The SSML eSpeak NG is given for {@code request} (for tests that ask eSpeak NG's own phonemes of it). */
    public static String ssmlFor(SpeechRequest request) {
        return new EspeakSsml(request).text;
    }

    private static final java.util.regex.Pattern ARABIC_LETTER = java.util.regex.Pattern.compile("[\u0621-\u064A]");
    /** In eSpeak NG's phonemes: stress, length and boundary marks; a doubled sound; a vowel; three consonants. */
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("[',%=_|;!.\\[:\\s]");
    private static final java.util.regex.Pattern DOUBLED = java.util.regex.Pattern.compile("(.)\\1+");
    private static final java.util.regex.Pattern VOWEL = java.util.regex.Pattern.compile("[aiueo]");
    private static final java.util.regex.Pattern THREE_CONSONANTS = java.util.regex.Pattern.compile("[^aiueo]{3}");

    /**
     * Whether eSpeak NG's phonemes for a word (as {@code -x} prints them) have no vowel, or three consonants in a row:
     * stress and length marks are ignored, a consonant's marks and a doubled consonant (shadda) count as one, dZ is
     * one sound, A (ain) a consonant.
     */
    public static boolean unreadable(String phonemes) {
        String sounds = DOUBLED.matcher(MARKS.matcher(phonemes).replaceAll("").replace("dZ", "J")).replaceAll("$1");
        return !VOWEL.matcher(sounds).find() || THREE_CONSONANTS.matcher(sounds).find();
    }

    private static final class Engine implements SpeechEngine {
        private final VoiceDefinition voice;
        private final boolean library;
        private final String version;

        Engine(VoiceDefinition voice, boolean library, String version) {
            this.voice = voice;
            this.library = library;
            this.version = version;
        }

        @Override
        public VoiceDefinition voice() {
            return voice;
        }

        @Override
        public String version() {
            return version;
        }

        /**
         * The program starts fresh for every sentence, and the library is loaded afresh for every paragraph, in as many
         * slots as there are cores: what was spoken before changes nothing, so paragraphs go in any order.
         */
        @Override
        public boolean parallel() {
            return true;
        }

        private int wpm() {
            return Math.max(80, Math.min(450, NORMAL_WPM * voice.rate() / 100));
        }

        @Override
        public Utterance synthesize(SpeechRequest request) throws SpeechException {
            String what = request.paragraphId() + " (espeak, voice " + voice.id() + ")";
            Utterance u = library ? inProcess(request, what) : viaProgram(request, what);
            if (u.pcm().length == 0 || Pcm.silent(u.pcm())) {
                throw new SpeechException(what + ": eSpeak NG returned no audible speech for " + request.preview());
            }
            return u;
        }

        private Utterance inProcess(SpeechRequest request, String what) throws SpeechException {
            EspeakSsml ssml = new EspeakSsml(request);
            // Arabic words are judged by the engine's own phonemes: read with no vowel, or three consonants in a row
            java.util.Set<String> judge = new java.util.LinkedHashSet<>();
            if (request.language().primary().equals("ar")) {
                for (SpokenSentence s : request.sentences()) {
                    for (SpokenWord w : s.words()) {
                        if (ARABIC_LETTER.matcher(w.text()).find() && !w.text().contains(" ")) {
                            judge.add(w.text());
                        }
                    }
                }
            }
            EspeakLibrary.Result r = library().synthesize(voice.engineVoice(), request.language().tag(), wpm(),
                    Math.min(100, 50 * voice.pitch() / 100), Math.min(200, voice.volume()), ssml.text,
                    request.timeout().toMillis(), what, judge);
            Map<String, String> unread = new java.util.LinkedHashMap<>();
            for (SpokenSentence s : request.sentences()) {
                for (SpokenWord w : s.words()) {
                    String ph = r.phonemes().get(w.text());
                    if (ph != null && unreadable(ph)) {
                        unread.put(w.id(), ph);
                    }
                }
            }
            long length = r.pcm().length;
            Map<String, Long> marks = new HashMap<>();
            r.marks().forEach(m -> marks.putIfAbsent(m.name(), Math.min(m.sample(), length)));
            long[] starts = EspeakSsml.wordStarts(request, ssml, r.words(), marks, length);
            int n = request.sentences().size();
            int[] first = new int[n + 1];
            for (int i = 0; i < n; i++) {
                first[i + 1] = first[i] + request.sentences().get(i).words().size();
            }
            List<Mark> sentences = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                SpokenSentence s = request.sentences().get(i);
                long begin = i == 0 ? 0 : first[i] < starts.length ? starts[first[i]] : length;
                long end = i + 1 < n ? (first[i + 1] < starts.length ? starts[first[i + 1]] : length) : length;
                end = Math.max(begin, end);
                List<Mark> words = new ArrayList<>();
                for (int j = 0; j < s.words().size(); j++) {
                    int k = first[i] + j;
                    long wb = Math.max(begin, Math.min(end, starts[k]));
                    long we = j + 1 < s.words().size() ? starts[k + 1]
                            : i + 1 == n ? marks.getOrDefault("end", end) : end;
                    words.add(new Mark(s.words().get(j).id(), wb, Math.max(wb, Math.min(end, we)), List.of(), false));
                }
                sentences.add(new Mark(s.id(), begin, end, words, false));
            }
            return new Utterance(r.pcm(), library().sampleRate(), sentences, unread);
        }

        private Utterance viaProgram(SpeechRequest request, String what) throws SpeechException {
            List<short[]> parts = new ArrayList<>();
            List<Mark> sentences = new ArrayList<>();
            long at = 0;
            int rate = 0;
            Duration perSentence = request.timeout();
            for (SpokenSentence s : request.sentences()) {
                List<String> command = List.of(EspeakProvider.program(), "-v", voice.engineVoice(), "-s", String.valueOf(wpm()),
                        "-p", String.valueOf(Math.min(99, 50 * voice.pitch() / 100)),
                        "-a", String.valueOf(Math.min(200, voice.volume())), "-m", "--stdout", "--stdin");
                String ssml = "<speak xml:lang=\"" + request.language().tag() + "\">"
                        + StringEscapeUtils.escapeXml10(s.text()) + "</speak>";
                Processes.Result r = CommandProvider.speechProcess(command, ssml.getBytes(StandardCharsets.UTF_8),
                        perSentence, what);
                Pcm.Samples samples;
                try {
                    samples = Pcm.decodeWav(r.stdout());
                } catch (java.io.IOException e) {
                    throw new SpeechException(what + ": espeak-ng wrote no usable audio (" + e.getMessage() + ")", e);
                }
                rate = samples.sampleRate();
                parts.add(samples.samples());
                sentences.add(Marks.apportioned(s, at, at + samples.samples().length));
                at += samples.samples().length;
            }
            return new Utterance(Pcm.concat(parts), rate, sentences);
        }

        @Override
        public void close() {
            // the library stays loaded for the life of the process; programs end with each call
        }
    }
}
