package io.rawi.pipeline;

import io.rawi.audio.AudioEncoder;
import io.rawi.audio.AudiobookWriter;
import io.rawi.audio.Mp3Encoder;
import io.rawi.audio.NarratedBlock;
import io.rawi.audio.OpusEncoder;
import io.rawi.audio.Tags;
import io.rawi.audio.TimingFiles;
import io.rawi.audio.WavEncoder;
import io.rawi.book.Book;
import io.rawi.book.Chapter;
import io.rawi.book.Imported;
import io.rawi.book.Paragraph;
import io.rawi.book.Sentence;
import io.rawi.epub.EpubOptions;
import io.rawi.error.ProcessingException;
import io.rawi.error.RawiException;
import io.rawi.internal.IoMessages;
import io.rawi.narration.AudioCache;
import io.rawi.narration.Narrator;
import io.rawi.narration.Progress;
import io.rawi.speech.SpeechService;
import io.rawi.speech.VoiceRegistry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The narration step of a conversion: the speech service and the encoders for the options, the narrator (with the
 * cache) over the book's blocks, the audiobook when asked, and the timing files (JSON, WebVTT, M3U8) and the
 * pronunciation report, written in the background while the EPUB is finished.
 */
final class NarrationStep {
    private final Consumer<String> log;
    private final Progress progress;

    NarrationStep(Consumer<String> log, Progress progress) {
        this.log = log;
        this.progress = progress;
    }

    /** Speaks the book into {@code dir/audio/} and writes the timing files beside it. */
    Conversion.Narration speak(Book book, ConvertOptions options, Path dir, Path previousBook, String slug,
                              java.util.function.Supplier<Optional<EpubOptions.CoverImage>> cover, Timing timing,
                              VoiceRegistry voices, java.util.concurrent.ExecutorService background,
                              List<java.util.concurrent.Future<?>> pending)
            throws RawiException {
        AudioEncoder encoder = switch (options.narration().audioFormat()) {
            case "wav" -> new WavEncoder();
            case "opus" -> new OpusEncoder();
            default -> new Mp3Encoder();
        };
        AudioEncoder forEpub = options.narration().audioFormat().equals("wav") ? new Mp3Encoder() : null;
        List<NarratedBlock> narration;
        AudiobookWriter audiobook = null;
        try (SpeechService speech = new SpeechService(voices, SpeechService.installedProviders(), options.narration().voice(),
                options.narration().backend())) {
            if (options.narration().audiobook().isPresent()) {
                audiobook = new AudiobookWriter(options.narration().audiobook().get(),
                        dir.resolve(slug + "." + options.narration().audiobook().get().extension()), dir.resolve(Conversion.SCRATCH),
                        book.narrated().size(), options.narration().sampleRate() > 0 ? options.narration().sampleRate() : AudiobookWriter.RATE);
            }
            timing.lap("narrate: voices and speech service");
            AudioCache cache = options.cache().folder().map(root -> new AudioCache(root, options.cache().limitMb() << 20)).orElse(null);
            narration = new Narrator(speech, encoder, forEpub, options.narration().jobs(), log, progress, cache, options.narration().sampleRate(),
                    options.narration().diacritize(), timing.profile)
                    .narrate(book, dir, previousBook, dir.resolve(Conversion.SCRATCH), audiobook);
            timing.lap("narrate: speak, encode or take from the cache");
            timing.cpu();
            if (cache != null) {
                pending.add(background.submit(cache::trim));
            }
            if (audiobook != null) {
                finishAudiobook(audiobook, book, narration, cover.get());
            }
        } finally {
            if (audiobook != null) {
                audiobook.close();
            }
        }
        Map<String, String> texts = new HashMap<>();
        for (Paragraph p : book.blocks()) {
            texts.put(p.id(), p.text());
            for (Sentence s : p.sentences()) {
                texts.put(s.id(), s.text());
                s.words().forEach(w -> texts.put(w.id(), w.text()));
            }
        }
        String title = book.metadata().title();
        List<NarratedBlock> blocks = narration;
        // the blocks eSpeak NG judged: Arabic, spoken by an eSpeak NG voice in process
        java.util.Set<String> arabic = new java.util.HashSet<>();
        book.narrated().stream().filter(io.rawi.speech.SpeechText::vowelled).forEach(p -> arabic.add(p.id()));
        boolean inProcess = io.rawi.speech.EspeakProvider.inProcess();
        int judged = inProcess ? (int) narration.stream().filter(b -> arabic.contains(b.id()) && voices.byId(b.voice())
                .map(v -> v.backend().equals("espeak")).orElse(false)).count() : 0;
        pending.add(background.submit(() -> {
            writeWith(dir.resolve("timings.json"), out -> TimingFiles.json(title, blocks, texts::get, out));
            writeWith(dir.resolve(slug + ".vtt"), out -> TimingFiles.vtt(blocks, texts::get, out));
            writeWith(dir.resolve(slug + ".m3u8"), out -> TimingFiles.m3u8(title, blocks, texts::get, out));
            writeWith(dir.resolve("pronunciation.json"), out -> io.rawi.audio.PronunciationReport.json(blocks,
                    judged, out));
            return null;
        }));
        String narrator = String.join(", ", narration.stream().map(NarratedBlock::voice).distinct()
                .map(id -> voices.byId(id).map(v -> v.name() + ", synthetic voice").orElse(id)).toList());
        return new Conversion.Narration(narration, narrator);
    }

    /** Writes the audiobook: a chapter for the title page and one per chapter, tagged like the book. */
    private void finishAudiobook(AudiobookWriter audiobook, Book book, List<NarratedBlock> narration,
                                 Optional<EpubOptions.CoverImage> cover) throws RawiException {
        // chapters start at indexes of the narrated blocks: those shown but not narrated (Book.silent) have no audio
        List<AudiobookWriter.Chapter> chapters = new ArrayList<>();
        int first = narrated(book, book.titlePage());
        if (first > 0) {
            chapters.add(new AudiobookWriter.Chapter(book.metadata().title(), 0));
        }
        for (Chapter c : book.chapters()) {
            chapters.add(new AudiobookWriter.Chapter(c.heading().text(), first));
            first += narrated(book, List.of(c.heading())) + narrated(book, c.paragraphs());
        }
        if (book.imported().isPresent()) {
            for (Imported.Document d : book.imported().get().documents()) {
                if (!d.paragraphs().isEmpty()) {
                    chapters.add(new AudiobookWriter.Chapter(d.title(), first));
                    first += narrated(book, d.paragraphs());
                }
            }
        }
        String artist = book.metadata().authors().isEmpty() ? narration.get(0).voice()
                : String.join(", ", book.metadata().authors());
        Tags tags = new Tags(book.metadata().title(), book.metadata().title(), artist, 0, 0,
                book.metadata().language().tag());
        Optional<byte[]> image = cover.map(EpubOptions.CoverImage::bytes);
        long ms = audiobook.finish(chapters, tags, image, cover.map(EpubOptions.CoverImage::mediaType).orElse("image/png"));
        log.accept("audiobook: " + chapters.size() + " chapters, " + ms / 1000 + " s");
    }

    private static int narrated(Book book, List<Paragraph> blocks) {
        return (int) blocks.stream().filter(p -> !book.silent().contains(p.id())).count();
    }

    /** What writes a file's text, as it is made. */
    private interface TextWriter {
        void writeTo(java.io.Writer out) throws IOException;
    }

    /** Writes {@code file} (UTF-8) as {@code text} makes it: a large file is never whole in memory. */
    private static void writeWith(Path file, TextWriter text) throws ProcessingException {
        try (java.io.Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            text.writeTo(out);
        } catch (IOException e) {
            throw new ProcessingException(file + ": cannot write (" + IoMessages.reason(e) + ")", e);
        }
    }
}
