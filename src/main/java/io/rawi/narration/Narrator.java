package io.rawi.narration;

import io.rawi.audio.AudioEncoder;
import io.rawi.audio.AudioProcessor;
import io.rawi.audio.AudiobookWriter;
import io.rawi.audio.NarratedBlock;
import io.rawi.audio.Processed;
import io.rawi.audio.Tags;
import io.rawi.book.Book;
import io.rawi.book.Paragraph;
import io.rawi.error.ProcessingException;
import io.rawi.error.RawiException;
import io.rawi.speech.SpeechEngine;
import io.rawi.speech.SpeechException;
import io.rawi.speech.SpeechRequest;
import io.rawi.speech.SpeechService;
import io.rawi.speech.SpeechText;
import io.rawi.speech.Utterance;
import io.rawi.speech.VoiceDefinition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Speaks and encodes every block of a book, one audio file per block, concurrently (as many jobs as cores) and
 * assembled in reading order; engines that keep state are fed in reading order, so the result does not depend on
 * scheduling. Each job holds one paragraph's audio;
 * the book's audio is never in memory at once.
 */
public final class Narrator {
    private final SpeechService speech;
    private final AudioEncoder encoder;
    private final AudioEncoder epubEncoder;
    private final Consumer<String> log;
    private final Progress progress;
    private final int jobs;
    private final AudioCache cache;
    private final java.util.concurrent.atomic.AtomicInteger fromCache = new java.util.concurrent.atomic.AtomicInteger();

    private final int sampleRate;
    private final boolean diacritize;
    private final Profile profile;
    /** Languages no voice speaks, and the language whose voice reads them instead. */
    private final java.util.Map<String, io.rawi.book.Language> spokenAs = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param encoder     writes the files of the book folder
     * @param epubEncoder writes what goes into the EPUB, when the folder's format is not a core media type; or null
     * @param jobs        paragraphs at once; 0 for one per core
     */
    public Narrator(SpeechService speech, AudioEncoder encoder, AudioEncoder epubEncoder, int jobs, Consumer<String> log,
             Progress progress, AudioCache cache, int sampleRate, boolean diacritize, Profile profile) {
        this.sampleRate = sampleRate;
        this.diacritize = diacritize;
        this.profile = profile;
        this.progress = progress;
        this.cache = cache;
        this.jobs = jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors();
        this.speech = speech;
        this.encoder = encoder;
        this.epubEncoder = epubEncoder;
        this.log = log;
    }

    /**
     * Narrates into {@code folder/audio/}; EPUB-only files, if any, go into {@code scratch}. Each block is also
     * handed to {@code audiobook}, when there is one. {@code previousBook} is the folder of the book this one will
     * replace (it may not exist): a file of it that is what the cache holds is linked, not written again.
     */
    public List<NarratedBlock> narrate(Book book, Path folder, Path previousBook, Path scratch, AudiobookWriter audiobook)
            throws RawiException {
        List<Paragraph> blocks = book.narrated();
        Path audio = folder.resolve("audio");
        try {
            Files.createDirectories(audio);
            Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new ProcessingException(audio + ": cannot create the audio folder (" + e.getMessage() + ")", e);
        }
        List<VoiceDefinition> voices = new ArrayList<>();
        java.util.Map<String, VoiceDefinition> byLanguage = new java.util.HashMap<>();
        for (Paragraph p : blocks) {
            VoiceDefinition v = byLanguage.get(p.language().tag());
            if (v == null) {
                v = voiceFor(p, book.metadata().language());
                byLanguage.put(p.language().tag(), v);
            }
            voices.add(v);
        }
        int threads = Math.max(1, Math.min(blocks.size(), jobs));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rawi-narrator");
            t.setDaemon(true);
            return t;
        });
        try {
            progress.start(blocks.size());
            boolean readCache = cache != null && audiobook == null;
            // what each block asks of its engine, and whether the cache has it: keys are made on every core, each
            // thread taking the next block to plan (no task queued per block)
            Plan[] planned = new Plan[blocks.size()];
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            List<Future<?>> planning = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                planning.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < blocks.size(); i = next.getAndIncrement()) {
                        Paragraph p = blocks.get(i);
                        VoiceDefinition v = voices.get(i);
                        Tags tags = new Tags(title(p), book.metadata().title(), book.metadata().authors().isEmpty()
                                ? v.name() : String.join(", ", book.metadata().authors()),
                                i + 1, blocks.size(), p.language().tag());
                        long t0 = profile.cpu();
                        planned[i] = plan(p, v, tags, readCache,
                                Breaks.leadOut(p, i + 1 < blocks.size() ? blocks.get(i + 1) : null, v.pauses()));
                        profile.add(Profile.Phase.PLAN, t0);
                    }
                    return null;
                }));
            }
            for (Future<?> f : planning) {
                io.rawi.internal.Futures.join(f, "narration");
            }
            List<Plan> plans = List.of(planned);
            Schedule schedule = Schedule.of(plans.stream().map(Plan::cached).toList());
            CountDownLatch[] spoken = new CountDownLatch[blocks.size()];
            for (int i = 0; i < blocks.size(); i++) {
                spoken[i] = new CountDownLatch(1);
            }
            List<Future<NarratedBlock>> jobs = new ArrayList<>(java.util.Collections.nCopies(blocks.size(), null));
            for (int index : schedule.order()) {
                Paragraph p = blocks.get(index);
                Plan plan = plans.get(index);
                CountDownLatch previous = schedule.after()[index] < 0 ? null : spoken[schedule.after()[index]];
                jobs.set(index, pool.submit(() -> {
                    NarratedBlock.WithAudio done = one(p, plan, folder, previousBook, scratch, previous,
                            spoken[index]);
                    if (audiobook != null) {
                        audiobook.ready(index, done.audio());
                    }
                    progress.done(p.id(), done.block().durationMs());
                    return done.block();
                }));
            }
            List<NarratedBlock> done = new ArrayList<>();
            for (Future<NarratedBlock> job : jobs) {
                done.add(io.rawi.internal.Futures.join(job, "narration"));
            }
            progress.finish();
            log.accept("narrated " + done.size() + " audio files, "
                    + done.stream().mapToLong(NarratedBlock::durationMs).sum() / 1000 + " s of speech"
                    + (cache == null ? "" : ", " + fromCache.get() + " of them from the cache"));
            return done;
        } finally {
            stop(pool);
            progress.finish();
        }
    }

    /**
     * Stops the narrator's threads and waits for them to end: after a failure or an interruption, none may still be
     * writing into the book's folder when it is removed. A synthesis under way is stopped by the interrupt (eSpeak NG
     * and the programs rawi runs) or runs to its end (FreeTTS).
     */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true; // a second Ctrl-C: the threads are still stopping, and must be waited for
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The voice for {@code p}'s language; when no backend speaks it (Sanskrit in an English book), the book's own
     * language's voice, with a note: read with the wrong accent rather than left silent.
     */
    private VoiceDefinition voiceFor(Paragraph p, io.rawi.book.Language bookLanguage) throws RawiException {
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

    /**
     * What a block asks of its engine: the engine, the request, the cache key (null without a cache) and whether
     * the cache has an entry for it (when it is read).
     */
    private record Plan(VoiceDefinition voice, Tags tags, SpeechEngine engine, SpeechRequest request, String key,
                        boolean cached, int leadOutMs, Paragraph paragraph, boolean vowels) {
        /** What the engine is given: the request, vowelled when the paragraph is Arabic. */
        SpeechRequest spoken() {
            return vowels ? SpeechText.request(paragraph, voice, true) : request;
        }
    }

    private Plan plan(Paragraph written, VoiceDefinition voice, Tags tags, boolean readCache, int leadOutMs)
            throws RawiException {
        io.rawi.book.Language as = spokenAs.get(written.language().tag());
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
                            + (vowels ? " + " + io.rawi.diacritize.Diacritizer.arabic().version() : ""),
                    encoder.version() + (epubEncoder == null ? "" : " + " + epubEncoder.version())
                            + " @" + sampleRate + " Hz", tags);
        }
        return new Plan(voice, tags, engine, asWritten, key, readCache && cache.has(key), leadOutMs, p, vowels);
    }

    /**
     * Speaks and encodes one block, or takes it from the cache (when its plan says the cache has it; an entry that
     * is gone or damaged by then is spoken). An engine that is not {@link SpeechEngine#parallel()} first waits for
     * {@code previous}, the block to be spoken before this one, so that it hears the book in reading order whatever
     * the scheduling; encoding overlaps freely. With an audiobook the cache is written but not read, since the
     * audiobook needs every block's samples.
     */
    private NarratedBlock.WithAudio one(Paragraph p, Plan plan, Path folder, Path previousBook, Path scratch,
                                        CountDownLatch previous, CountDownLatch mine)
            throws RawiException, InterruptedException {
        String file = "audio/" + p.id() + "." + encoder.extension();
        Path inFolder = folder.resolve(file);
        Path inEpub = epubEncoder == null ? inFolder : scratch.resolve(p.id() + "." + epubEncoder.extension());
        String type = epubEncoder == null ? encoder.mediaType() : epubEncoder.mediaType();
        Utterance u;
        try {
            Optional<AudioCache.Taken> hit = plan.cached()
                    ? cache.take(plan.key(), inFolder, epubEncoder == null ? null : inEpub, previousBook.resolve(file))
                    : Optional.empty();
            if (hit.isPresent()) {
                fromCache.incrementAndGet();
                return new NarratedBlock.WithAudio(new NarratedBlock(p.id(), file, inEpub, type,
                        hit.get().durationMs(), hit.get().sentences(), plan.voice().id(), hit.get().epubCrc(),
                        hit.get().unread()), null);
            }
            if (previous != null && !plan.engine().parallel()) {
                previous.await();
            }
            long t0 = profile.cpu();
            SpeechRequest spoken = plan.spoken(); // vowelled, on a cache miss only
            long speaking = profile.add(Profile.Phase.DIACRITIZE, t0);
            u = plan.engine().synthesize(spoken);
            profile.add(Profile.Phase.SPEAK, speaking);
        } finally {
            mine.countDown();
        }
        long t1 = profile.cpu();
        Processed audio = AudioProcessor.process(u, sampleRate, plan.leadOutMs());
        long t2 = profile.add(Profile.Phase.PROCESS, t1);
        encoder.encode(audio, plan.tags(), inFolder);
        if (epubEncoder != null) {
            epubEncoder.encode(audio, plan.tags(), inEpub);
        }
        profile.add(Profile.Phase.ENCODE, t2);
        // the EPUB file's CRC-32 comes from the cache's read of it, when it stores it; else from a read of its own
        List<NarratedBlock.Unread> unread = UnreadWords.of(p, plan.spoken(), u.unread());
        long epubCrc = plan.key() == null ? -1 : cache.put(plan.key(), inFolder, epubEncoder == null ? null : inEpub,
                audio.durationMillis(), audio.sentences(), unread);
        String damage = plan.key() == null ? null : cache.damage(plan.key());
        if (damage != null) {
            log.accept("note: the cache entry of " + p.id() + " was damaged (" + damage + "): spoken again and "
                    + "stored anew in " + cache.root());
        }
        return new NarratedBlock.WithAudio(new NarratedBlock(p.id(), file, inEpub, type, audio.durationMillis(),
                audio.sentences(), plan.voice().id(), epubCrc >= 0 ? epubCrc : CacheFiles.crc32(inEpub), unread), audio);
    }

    private static String title(Paragraph p) {
        String[] words = p.text().split("\\s+");
        String head = String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(8, words.length)));
        return p.id() + ": " + head + (words.length > 8 ? "…" : "");
    }
}
