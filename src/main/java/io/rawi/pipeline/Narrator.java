package io.rawi.pipeline;

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
final class Narrator {
    private final SpeechService speech;
    private final AudioEncoder encoder;
    private final AudioEncoder epubEncoder;
    private final Consumer<String> log;
    private final Progress progress;
    private final int jobs;
    private final AudioCache cache;
    private final java.util.concurrent.atomic.AtomicInteger fromCache = new java.util.concurrent.atomic.AtomicInteger();

    private final int sampleRate;
    /**
     * @param encoder     writes the files of the book folder
     * @param epubEncoder writes what goes into the EPUB, when the folder's format is not a core media type; or null
     * @param jobs        paragraphs at once; 0 for one per core
     */
    Narrator(SpeechService speech, AudioEncoder encoder, AudioEncoder epubEncoder, int jobs, Consumer<String> log,
             Progress progress, AudioCache cache, int sampleRate) {
        this.sampleRate = sampleRate;
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
     * handed to {@code audiobook}, when there is one.
     */
    List<NarratedBlock> narrate(Book book, Path folder, Path scratch, AudiobookWriter audiobook) throws RawiException {
        List<Paragraph> blocks = book.blocks();
        Path audio = folder.resolve("audio");
        try {
            Files.createDirectories(audio);
            Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new ProcessingException(audio + ": cannot create the audio folder (" + e.getMessage() + ")", e);
        }
        List<VoiceDefinition> voices = new ArrayList<>();
        for (Paragraph p : blocks) {
            voices.add(speech.voiceFor(p.language()));
        }
        int threads = Math.max(1, Math.min(blocks.size(), jobs));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rawi-narrator");
            t.setDaemon(true);
            return t;
        });
        try {
            progress.start(blocks.size());
            List<Future<NarratedBlock>> jobs = new ArrayList<>();
            CountDownLatch[] spoken = new CountDownLatch[blocks.size()];
            for (int i = 0; i < blocks.size(); i++) {
                spoken[i] = new CountDownLatch(1);
            }
            for (int i = 0; i < blocks.size(); i++) {
                Paragraph p = blocks.get(i);
                VoiceDefinition v = voices.get(i);
                Tags tags = new Tags(title(p), book.metadata().title(),
                        book.metadata().authors().isEmpty() ? v.name() : String.join(", ", book.metadata().authors()),
                        i + 1, blocks.size(), p.language().tag());
                CountDownLatch previous = i == 0 ? null : spoken[i - 1];
                CountDownLatch mine = spoken[i];
                int index = i;
                jobs.add(pool.submit(() -> {
                    NarratedBlock.WithAudio done = one(p, v, tags, folder, scratch, previous, mine,
                            audiobook == null);
                    if (audiobook != null) {
                        audiobook.ready(index, done.audio());
                    }
                    progress.done(p.id(), done.block().durationMs());
                    return done.block();
                }));
            }
            List<NarratedBlock> done = new ArrayList<>();
            for (Future<NarratedBlock> job : jobs) {
                done.add(Pipeline.join(job, "narration"));
            }
            progress.finish();
            log.accept("narrated " + done.size() + " audio files, "
                    + done.stream().mapToLong(NarratedBlock::durationMs).sum() / 1000 + " s of speech"
                    + (cache == null ? "" : ", " + fromCache.get() + " of them from the cache"));
            return done;
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
    }

    /**
     * Speaks and encodes one block, or takes it from the cache. An engine that is not
     * {@link SpeechEngine#parallel()} waits for the block before to be spoken, so that it hears the book in reading
     * order whatever the scheduling; encoding overlaps freely. Jobs are queued in reading order, so the block before
     * is always taken first and the wait cannot deadlock. With an audiobook the cache is written but not read, since
     * the audiobook needs every block's samples.
     */
    private NarratedBlock.WithAudio one(Paragraph p, VoiceDefinition voice, Tags tags, Path folder, Path scratch,
                                        CountDownLatch previous, CountDownLatch mine, boolean readCache)
            throws RawiException, InterruptedException {
        String file = "audio/" + p.id() + "." + encoder.extension();
        Path inFolder = folder.resolve(file);
        Path inEpub = epubEncoder == null ? inFolder : scratch.resolve(p.id() + "." + epubEncoder.extension());
        String type = epubEncoder == null ? encoder.mediaType() : epubEncoder.mediaType();
        Utterance u;
        String key = null;
        try {
            SpeechEngine engine = speech.engine(voice);
            SpeechRequest request = SpeechText.request(p, voice);
            if (cache != null) {
                key = AudioCache.key(p.id(), request, voice, engine.version(),
                        encoder.version() + (epubEncoder == null ? "" : " + " + epubEncoder.version())
                                + " @" + sampleRate + " Hz", tags);
                Optional<AudioCache.Entry> hit = readCache ? cache.get(key) : Optional.empty();
                if (hit.isPresent()) {
                    write(hit.get().audio(), inFolder);
                    if (epubEncoder != null) {
                        write(hit.get().epubAudio(), inEpub);
                    }
                    fromCache.incrementAndGet();
                    return new NarratedBlock.WithAudio(new NarratedBlock(p.id(), file, inEpub, type,
                            hit.get().durationMs(), hit.get().sentences(), voice.id()), null);
                }
            }
            if (previous != null && !engine.parallel()) {
                previous.await();
            }
            long t0 = CPU.cpu();
            u = engine.synthesize(request);
            CPU.add(0, t0);
        } finally {
            mine.countDown();
        }
        long t1 = CPU.cpu();
        Processed audio = AudioProcessor.process(u, sampleRate);
        long t2 = CPU.add(1, t1);
        encoder.encode(audio, tags, inFolder);
        if (epubEncoder != null) {
            epubEncoder.encode(audio, tags, inEpub);
        }
        CPU.add(2, t2);
        if (key != null) {
            cache.put(key, inFolder, epubEncoder == null ? null : inEpub, audio.durationMillis(), audio.sentences());
        }
        return new NarratedBlock.WithAudio(new NarratedBlock(p.id(), file, inEpub, type, audio.durationMillis(),
                audio.sentences(), voice.id()), audio);
    }

    /** Processor time of the narration threads by phase: speak, process, encode (reported with RAWI_TIMING). */
    static final class CPU {
        static final java.util.concurrent.atomic.AtomicLongArray NANOS = new java.util.concurrent.atomic.AtomicLongArray(3);
        private static final java.lang.management.ThreadMXBean BEAN = java.lang.management.ManagementFactory.getThreadMXBean();

        /** This thread's processor time, read only when {@code RAWI_TIMING} asks for the profile. */
        static long cpu() {
            return Pipeline.TIMING ? BEAN.getCurrentThreadCpuTime() : 0;
        }

        static long add(int phase, long since) {
            if (!Pipeline.TIMING) {
                return 0;
            }
            long now = cpu();
            NANOS.addAndGet(phase, now - since);
            return now;
        }
    }

    private static void write(byte[] bytes, Path to) throws ProcessingException {
        try {
            Files.write(to, bytes);
        } catch (IOException e) {
            throw new ProcessingException(to + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    private static String title(Paragraph p) {
        String[] words = p.text().split("\\s+");
        String head = String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(8, words.length)));
        return p.id() + ": " + head + (words.length > 8 ? "…" : "");
    }
}
