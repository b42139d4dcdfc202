package io.rawi.speech;

import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic backend for golden tests: every word is a {@value #TONE_MS} ms tone followed by {@value #GAP_MS} ms
 * of silence, and every sentence ends with {@value #PAUSE_MS} ms more. Positions are exact.
 */
public final class FakeProvider implements SpeechProvider {
    static final int RATE = 16000;
    static final int TONE_MS = 300;
    static final int GAP_MS = 100;
    static final int PAUSE_MS = 200;
    /** How many paragraphs this backend has spoken in this JVM, for the cache tests. */
    public static final java.util.concurrent.atomic.AtomicInteger SPOKEN = new java.util.concurrent.atomic.AtomicInteger();
    /** The first sentence id of each paragraph spoken in this JVM, in the order spoken (for the scheduling tests). */
    public static final List<String> ORDER = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Whether its engines say they speak side by side (the narration then plans and speaks blocks as it goes). */
    public static final java.util.concurrent.atomic.AtomicBoolean PARALLEL = new java.util.concurrent.atomic.AtomicBoolean();
    /** A word whose paragraph it fails to speak, as an engine that breaks would. */
    public static final String BREAKS = "xbreaksx";

    @Override
    public String id() {
        return "fake";
    }

    @Override
    public Probe probe() {
        return Probe.ok("test tones");
    }

    @Override
    public SpeechEngine open(VoiceDefinition voice) {
        return new SpeechEngine() {
            @Override
            public VoiceDefinition voice() {
                return voice;
            }

            @Override
            public boolean parallel() {
                return PARALLEL.get();
            }

            @Override
            public Utterance synthesize(SpeechRequest request) throws SpeechException {
                if (request.sentences().stream().flatMap(s -> s.words().stream())
                        .anyMatch(w -> w.text().contains(BREAKS))) {
                    throw new SpeechException(request.paragraphId() + " (fake): the engine broke");
                }
                SPOKEN.incrementAndGet();
                ORDER.add(request.sentences().get(0).id());
                List<short[]> parts = new ArrayList<>();
                List<Mark> sentences = new ArrayList<>();
                long at = 0;
                for (SpokenSentence s : request.sentences()) {
                    long begin = at;
                    List<Mark> words = new ArrayList<>();
                    for (SpokenWord w : s.words()) {
                        short[] tone = tone(TONE_MS);
                        short[] gap = new short[RATE * GAP_MS / 1000];
                        words.add(new Mark(w.id(), at, at + tone.length, List.of(), false));
                        parts.add(tone);
                        parts.add(gap);
                        at += tone.length + gap.length;
                    }
                    short[] pause = new short[RATE * PAUSE_MS / 1000];
                    parts.add(pause);
                    at += pause.length;
                    sentences.add(new Mark(s.id(), begin, at, words, false));
                }
                return new Utterance(Pcm.concat(parts), RATE, sentences);
            }

            @Override
            public String version() {
                return "fake-1";
            }

            @Override
            public void close() {
            }
        };
    }

    private static short[] tone(int ms) {
        short[] s = new short[RATE * ms / 1000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * 440 * i / RATE));
        }
        return s;
    }
}
