package io.rawi.narration;

import io.rawi.audio.AudioEncoder;
import io.rawi.audio.Tags;
import io.rawi.book.Book;
import io.rawi.book.Language;
import io.rawi.book.Paragraph;
import io.rawi.error.RawiException;
import io.rawi.speech.SpeechEngine;
import io.rawi.speech.SpeechException;
import io.rawi.speech.SpeechRequest;
import io.rawi.speech.SpeechService;
import io.rawi.speech.SpeechText;
import io.rawi.speech.VoiceDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The plans of a book's blocks for {@link Narrator}: each block's voice, what it asks of its engine, its cache key
 * and whether the cache has it. Plans are made on several threads at once.
 */
final class Planner {
    private final SpeechService speech;
    private final AudioCache cache;
    /** The encoders' versions and the sample rate, as the cache keys hold them. */
    private final String encoding;
    private final boolean diacritize;
    private final Profile profile;
    /** Languages no voice speaks, and the language whose voice reads them instead. */
    private final Map<String, Language> spokenAs = new ConcurrentHashMap<>();
    private final Book book;
    private final List<Paragraph> blocks;
    private final List<VoiceDefinition> voices = new ArrayList<>();
    private final boolean readCache;

    /**
     * Finds a voice for every block of {@code book} that is narrated (see {@link #voiceFor}); {@code readCache} says
     * whether plans look in {@code cache} (null: no cache).
     */
    Planner(SpeechService speech, AudioCache cache, boolean readCache, AudioEncoder encoder, AudioEncoder epubEncoder,
            int sampleRate, boolean diacritize, Profile profile, Book book, Consumer<String> log) throws RawiException {
        this.speech = speech;
        this.cache = cache;
        this.readCache = readCache;
        this.encoding = encoder.version() + (epubEncoder == null ? "" : " + " + epubEncoder.version()) + " @"
                + sampleRate + " Hz";
        this.diacritize = diacritize;
        this.profile = profile;
        this.book = book;
        this.blocks = book.narrated();
        Map<String, VoiceDefinition> byLanguage = new HashMap<>();
        for (Paragraph p : blocks) {
            VoiceDefinition v = byLanguage.get(p.language().tag());
            if (v == null) {
                v = voiceFor(p, book.metadata().language(), log);
                byLanguage.put(p.language().tag(), v);
            }
            voices.add(v);
        }
    }

    /** The blocks narrated, in reading order. */
    List<Paragraph> blocks() {
        return blocks;
    }

    /** The blocks' fingerprints for {@link PlanOrder}: text, language and voice. */
    long[] fingerprints() {
        return PlanOrder.fingerprints(blocks, voices.stream().map(VoiceDefinition::id).toList());
    }

    /** Whether every voice's engine speaks side by side with itself ({@link SpeechEngine#parallel()}). */
    boolean parallel() throws RawiException {
        Map<String, VoiceDefinition> distinct = new HashMap<>(); // by id: a voice's own hashCode reads all it holds
        voices.forEach(v -> distinct.putIfAbsent(v.id(), v));
        for (VoiceDefinition v : distinct.values()) {
            if (!speech.engine(v).parallel()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The voice for {@code p}'s language; when no backend speaks it (Sanskrit in an English book), the book's own
     * language's voice, with a note: read with the wrong accent rather than left silent.
     */
    private VoiceDefinition voiceFor(Paragraph p, Language bookLanguage, Consumer<String> log) throws RawiException {
        try {
            return speech.voiceFor(p.language());
        } catch (SpeechException e) {
            if (p.language().primary().equals(bookLanguage.primary())) {
                throw e;
            }
            VoiceDefinition fallback = speech.voiceFor(bookLanguage);
            spokenAs.put(p.language().tag(), bookLanguage);
            log.accept("note: no voice speaks " + p.language().tag() + " (first in " + p.id() + "); its blocks are "
                    + "read by " + fallback.id() + ", the book's " + bookLanguage.tag() + " voice");
            return fallback;
        }
    }

    /** Block {@code i}'s plan: what it asks of its engine, and whether the cache has it. */
    Plan plan(int i) throws RawiException {
        long t0 = profile.cpu();
        Paragraph written = blocks.get(i);
        VoiceDefinition voice = voices.get(i);
        io.rawi.book.Metadata meta = book.metadata();
        Tags tags = new Tags(title(written), meta.title(), meta.authors().isEmpty() ? voice.name()
                : String.join(", ", meta.authors()), i + 1, blocks.size(), written.language().tag());
        int leadOutMs = Breaks.leadOut(written, i + 1 < blocks.size() ? blocks.get(i + 1) : null, voice.pauses());
        Language as = spokenAs.get(written.language().tag());
        Paragraph p = as == null ? written
                : new Paragraph(written.id(), written.kind(), written.text(), as, written.sentences());
        SpeechEngine engine = speech.engine(voice);
        // the key covers the written words and the diacritizer's model, which together decide the vowelled words:
        // a block the cache has is never vowelled (it costs a rebuild a second, cold, for a 140-paragraph book)
        boolean vowels = diacritize && SpeechText.vowelled(p);
        SpeechRequest asWritten = SpeechText.request(p, voice, false);
        String key = null;
        if (cache != null) {
            key = CacheKey.of(p.id(), asWritten, voice, leadOutMs, engine.version()
                    + (vowels ? " + " + io.rawi.diacritize.Diacritizer.arabic().version() : ""), encoding, tags);
        }
        Plan plan = new Plan(voice, tags, engine, asWritten, key, readCache && cache.has(key), leadOutMs, p, vowels);
        profile.add(Profile.Phase.PLAN, t0);
        return plan;
    }

    /**
     * The title tag of a block's file: its id and first eight words (as {@code \s+} splits them), joined by single
     * spaces, and "…" when more follow. Found by looking no further than the ninth word: splitting every paragraph
     * whole took a rebuild's planning longer than its cache keys.
     */
    static String title(Paragraph p) {
        String text = p.text();
        StringBuilder head = new StringBuilder(p.id()).append(": ");
        int n = text.length();
        int i = 0;
        int words = 0;
        if (n > 0 && space(text.charAt(0))) { // as String.split: a separator first gives an empty first word
            words = 1;
        }
        while (true) {
            while (i < n && space(text.charAt(i))) {
                i++;
            }
            if (i == n) {
                return head.toString();
            }
            if (words == 8) {
                return head.append('…').toString();
            }
            int start = i;
            while (i < n && !space(text.charAt(i))) {
                i++;
            }
            head.append(words++ == 0 ? "" : " ").append(text, start, i);
        }
    }

    /** The characters of the regular expression {@code \s}. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
