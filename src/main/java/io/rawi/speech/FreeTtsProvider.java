package io.rawi.speech;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.VoiceManager;
import com.sun.speech.freetts.audio.AudioPlayer;

import javax.sound.sampled.AudioFormat;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * FreeTTS, the embedded pure-Java engine, with its bundled voice kevin16 (US English, 16 kHz). It speaks English
 * only and says so when asked for anything else. Each sentence is spoken on its own, so sentence positions are exact;
 * word positions are apportioned. FreeTTS voices are not thread-safe: an engine speaks one paragraph at a time.
 */
public final class FreeTtsProvider implements SpeechProvider {
    static final String ID = "freetts";
    private static final Set<String> VOICES = Set.of("kevin16", "kevin");
    private static final float NORMAL_WPM = 150f;
    private static final float NORMAL_PITCH = 100f;

    static {
        System.setProperty("freetts.voices", "com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory,"
                + "com.sun.speech.freetts.en.us.cmu_time_awb.AlanVoiceDirectory");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Probe probe() {
        return VoiceManager.getInstance().getVoice("kevin16") != null
                ? Probe.ok("FreeTTS 1.2.2 (embedded), voice kevin16, English only")
                : Probe.no("FreeTTS is on the class path but its voice kevin16 is missing");
    }

    @Override
    public SpeechEngine open(VoiceDefinition voice) throws SpeechException {
        if (!VOICES.contains(voice.engineVoice())) {
            throw new SpeechException("freetts: voice " + voice.id() + " asks for '" + voice.engineVoice()
                    + "', but FreeTTS has only kevin16");
        }
        Voice v = VoiceManager.getInstance().getVoice("kevin16");
        if (v == null) {
            throw new SpeechException("freetts: " + probe().detail());
        }
        v.allocate();
        v.setRate(NORMAL_WPM * voice.rate() / 100f);
        v.setPitch(NORMAL_PITCH * voice.pitch() / 100f);
        v.setVolume(Math.min(1f, voice.volume() / 100f));
        return new Engine(voice, v);
    }

    private static final class Engine implements SpeechEngine {
        private final VoiceDefinition definition;
        private final Voice voice;
        private final Capture capture = new Capture();

        Engine(VoiceDefinition definition, Voice voice) {
            this.definition = definition;
            this.voice = voice;
            voice.setAudioPlayer(capture);
        }

        @Override
        public VoiceDefinition voice() {
            return definition;
        }

        @Override
        public String version() {
            return "freetts-1.2.2/kevin16";
        }

        @Override
        public synchronized Utterance synthesize(SpeechRequest request) throws SpeechException {
            String what = request.paragraphId() + " (freetts, voice " + definition.id() + ")";
            if (!request.language().primary().equals("en")) {
                throw new SpeechException(what + ": FreeTTS speaks English only and cannot speak "
                        + request.language().tag() + "; use --backend espeak (or a voice for "
                        + request.language().tag() + ", see 'rawi voices')");
            }
            List<short[]> parts = new ArrayList<>();
            List<Mark> sentences = new ArrayList<>();
            long at = 0;
            long deadline = System.nanoTime() + request.timeout().toNanos();
            for (SpokenSentence s : request.sentences()) {
                capture.start();
                if (!voice.speak(s.text())) {
                    throw new SpeechException(what + ": FreeTTS could not speak sentence " + s.id());
                }
                short[] pcm = capture.samples();
                if (System.nanoTime() > deadline) {
                    throw new SpeechException(what + ": FreeTTS took longer than " + request.timeout().toSeconds() + " s");
                }
                parts.add(pcm);
                sentences.add(Marks.apportioned(s, at, at + pcm.length));
                at += pcm.length;
            }
            short[] pcm = Pcm.concat(parts);
            if (Pcm.silent(pcm)) {
                throw new SpeechException(what + ": FreeTTS returned no audible speech for " + request.preview()
                        + " (is the text in " + request.language().tag() + "? --lang sets the language)");
            }
            return new Utterance(pcm, capture.rate(), sentences);
        }

        @Override
        public void close() {
            voice.deallocate();
        }
    }

    /** An audio player that keeps what FreeTTS plays, as 16-bit little-endian mono samples. */
    private static final class Capture implements AudioPlayer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private AudioFormat format = new AudioFormat(16000f, 16, 1, true, true);
        private float volume = 1f;

        void start() {
            bytes.reset();
        }

        int rate() {
            return Math.round(format.getSampleRate());
        }

        short[] samples() {
            byte[] b = bytes.toByteArray();
            short[] out = new short[b.length / 2];
            boolean big = format.isBigEndian();
            for (int i = 0; i < out.length; i++) {
                int hi = big ? b[2 * i] : b[2 * i + 1];
                int lo = (big ? b[2 * i + 1] : b[2 * i]) & 0xff;
                out[i] = (short) ((hi << 8) | lo);
            }
            return out;
        }

        @Override
        public void setAudioFormat(AudioFormat f) {
            if (f.getSampleSizeInBits() != 16 || f.getChannels() != 1) {
                throw new IllegalStateException("FreeTTS format not supported: " + f.toString().toLowerCase(Locale.ROOT));
            }
            this.format = f;
        }

        @Override
        public AudioFormat getAudioFormat() {
            return format;
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public void reset() {
        }

        @Override
        public boolean drain() {
            return true;
        }

        @Override
        public void begin(int size) {
        }

        @Override
        public boolean end() {
            return true;
        }

        @Override
        public void cancel() {
        }

        @Override
        public void close() {
        }

        @Override
        public float getVolume() {
            return volume;
        }

        @Override
        public void setVolume(float v) {
            this.volume = v;
        }

        @Override
        public long getTime() {
            return 0;
        }

        @Override
        public void resetTime() {
        }

        @Override
        public void startFirstSampleTimer() {
        }

        @Override
        public boolean write(byte[] audio) {
            return write(audio, 0, audio.length);
        }

        @Override
        public boolean write(byte[] audio, int offset, int size) {
            bytes.write(audio, offset, size);
            return true;
        }

        @Override
        public void showMetrics() {
        }
    }
}
