package io.rawi.narration;

import io.rawi.audio.AudioEncoder;
import io.rawi.audio.AudioProcessor;
import io.rawi.audio.AudiobookWriter;
import io.rawi.audio.NarratedBlock;
import io.rawi.audio.Processed;
import io.rawi.book.Book;
import io.rawi.book.Paragraph;
import io.rawi.error.ProcessingException;
import io.rawi.error.RawiException;
import io.rawi.speech.SpeechEngine;
import io.rawi.speech.SpeechRequest;
import io.rawi.speech.SpeechService;
import io.rawi.speech.Utterance;

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
        Path audio = folder.resolve("audio");
        try {
            Files.createDirectories(audio);
            Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new ProcessingException(audio + ": cannot create the audio folder (" + e.getMessage() + ")", e);
        }
        Planner planner = new Planner(speech, cache, cache != null && audiobook == null, encoder, epubEncoder,
                sampleRate, diacritize, profile, book, log);
        List<Paragraph> blocks = planner.blocks();
        int threads = Math.max(1, Math.min(blocks.size(), jobs));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rawi-narrator");
            t.setDaemon(true);
            return t;
        });
        try {
            progress.start(blocks.size());
            Blocks work = new Blocks(planner, folder, previousBook, scratch, audiobook);
            long[] fingerprints = cache == null ? null : planner.fingerprints();
            Path hint = cache == null ? null : PlanOrder.file(cache.root(), previousBook);
            List<NarratedBlock> done = planner.parallel()
                    ? asPlanned(work, pool, threads, cache == null || audiobook != null ? null
                            : PlanOrder.order(fingerprints, PlanOrder.read(hint)))
                    : scheduled(work, pool, threads);
            if (cache != null) {
                PlanOrder.write(hint, fingerprints);
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

    /** What every block's job needs besides its index. */
    private record Blocks(Planner planner, Path folder, Path previousBook, Path scratch, AudiobookWriter audiobook) {
        List<Paragraph> blocks() {
            return planner.blocks();
        }
    }

    /**
     * For engines that speak side by side: each thread takes the next block to plan, and speaks it at once when the
     * cache does not have it; the blocks the cache has are taken once every block is planned. A block to speak
     * starts as soon as it is planned, not after the whole book is (a rebuild that speaks one paragraph no longer
     * waits for the other paragraphs' keys), and the cache is read while it is spoken. Blocks are planned in
     * {@code order} ({@link PlanOrder}: those the last narration into the same folder did not have first), else in
     * reading order. After a failure no block is begun.
     */
    private List<NarratedBlock> asPlanned(Blocks work, ExecutorService pool, int threads, int[] order)
            throws RawiException {
        int n = work.blocks().size();
        NarratedBlock[] done = new NarratedBlock[n];
        Plan[] plans = new Plan[n]; // each read after its latch: the count-down publishes it
        CountDownLatch[] planned = new CountDownLatch[n];
        for (int i = 0; i < n; i++) {
            planned[i] = new CountDownLatch(1);
        }
        java.util.concurrent.atomic.AtomicInteger toPlan = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger toTake = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        onEveryThread(pool, threads, () -> {
            try {
                for (int k = toPlan.getAndIncrement(); k < n && !failed.get(); k = toPlan.getAndIncrement()) {
                    int i = order == null ? k : order[k];
                    Plan plan;
                    try {
                        plan = work.planner().plan(i);
                        plans[i] = plan;
                    } finally {
                        planned[i].countDown();
                    }
                    if (!plan.cached()) {
                        done[i] = narrated(work, i, plan, null, null);
                    }
                }
                // every block is planned, or being planned: those the cache has are taken in reading order
                for (int i = toTake.getAndIncrement(); i < n && !failed.get(); i = toTake.getAndIncrement()) {
                    planned[i].await();
                    Plan plan = plans[i];
                    if (plan != null && plan.cached()) {
                        done[i] = narrated(work, i, plan, null, null);
                    }
                }
                return null;
            } catch (Exception | Error e) {
                failed.set(true);
                throw e;
            }
        });
        return List.of(done);
    }

    /**
     * For engines that speak one block at a time: every block is planned first (keys are made on every core, each
     * thread taking the next block), then the blocks to speak are queued in reading order, each waiting for the one
     * before it, and the cache is read meanwhile ({@link Schedule}).
     */
    private List<NarratedBlock> scheduled(Blocks work, ExecutorService pool, int threads) throws RawiException {
        int n = work.blocks().size();
        Plan[] planned = new Plan[n];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        onEveryThread(pool, threads, () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                planned[i] = work.planner().plan(i);
            }
            return null;
        });
        Schedule schedule = Schedule.of(java.util.Arrays.stream(planned).map(Plan::cached).toList());
        CountDownLatch[] spoken = new CountDownLatch[n];
        for (int i = 0; i < n; i++) {
            spoken[i] = new CountDownLatch(1);
        }
        List<Future<NarratedBlock>> jobs = new ArrayList<>(java.util.Collections.nCopies(n, null));
        for (int index : schedule.order()) {
            CountDownLatch previous = schedule.after()[index] < 0 ? null : spoken[schedule.after()[index]];
            jobs.set(index, pool.submit(() -> narrated(work, index, planned[index], previous, spoken[index])));
        }
        List<NarratedBlock> done = new ArrayList<>();
        for (Future<NarratedBlock> job : jobs) {
            done.add(io.rawi.internal.Futures.join(job, "narration"));
        }
        return done;
    }

    /** Runs {@code task} on each of the pool's {@code threads} threads and waits for all; the first failure is thrown. */
    private static void onEveryThread(ExecutorService pool, int threads, java.util.concurrent.Callable<Void> task)
            throws RawiException {
        List<Future<Void>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(task));
        }
        for (Future<Void> f : running) {
            io.rawi.internal.Futures.join(f, "narration");
        }
    }

    /** Block {@code i}, narrated as {@code plan} says (see {@link #one}), handed to the audiobook and counted. */
    private NarratedBlock narrated(Blocks work, int i, Plan plan, CountDownLatch previous, CountDownLatch mine)
            throws RawiException, InterruptedException {
        Paragraph p = work.blocks().get(i);
        NarratedBlock.WithAudio done = one(p, plan, work.folder(), work.previousBook(), work.scratch(), previous, mine);
        if (work.audiobook() != null) {
            work.audiobook().ready(i, done.audio());
        }
        progress.done(p.id(), done.block().durationMs());
        return done.block();
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
            if (mine != null) {
                mine.countDown();
            }
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
}
