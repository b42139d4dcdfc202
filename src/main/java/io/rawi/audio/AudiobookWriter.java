package io.rawi.audio;

import io.rawi.error.ProcessingException;
import io.rawi.error.RawiException;
import io.rawi.internal.IoMessages;
import io.rawi.internal.Processes;
import io.rawi.internal.ZeroPad;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One audio file for the whole book, with a chapter marker per chapter: MP3 (ID3v2.3 CHAP and CTOC frames, cover as
 * APIC) encoded in process by LAME, or M4B (AAC-LC in MP4, chapters, cover) encoded by ffmpeg.
 *
 * <p>The M4B settings come from {@code bench/audiobook.sh}: ffmpeg's default AAC coder is about 15 times slower than
 * LAME on speech; its fast coder at {@value #AAC_RATE} Hz, {@value #AAC_KBPS} kbit/s mono, without the PNS, TNS,
 * intensity and mid/side tools (which do nothing for one synthetic voice), costs less than the per-paragraph audio.
 *
 * <p>Blocks are handed over as they are narrated, in any order; each waits on disk (raw PCM in the scratch folder)
 * until its turn, and one thread encodes them in reading order while narration goes on, so the book's audio is never
 * in memory. Everything is resampled to the book's rate (by default {@value #RATE} Hz). Durations are exact to the sample for MP3 (gapless Info
 * frame); M4B relies on the MP4 edit list for the AAC priming.
 */
public final class AudiobookWriter implements AutoCloseable {
    /** The rate when none is given: eSpeak NG's own. */
    public static final int RATE = 22050;
    private final int rate;
    static final int AAC_KBPS = 32;
    static final int AAC_RATE = 16000;

    /** The two formats. */
    public enum Format {
        MP3, M4B;

        public String extension() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A chapter: its title and the index of its first block. */
    public record Chapter(String title, int firstBlock) {
    }

    private final Format format;
    private final Path out;
    private final Path scratch;
    private final CountDownLatch[] ready;
    private final long[] samples;
    private final Thread encoder;
    private volatile Exception failure;
    private Mp3Encoder.Stream mp3;
    private Process ffmpeg;

    public AudiobookWriter(Format format, Path out, Path scratch, int blocks, int rate) throws RawiException {
        this.rate = rate;
        this.format = format;
        this.out = out;
        this.scratch = scratch;
        this.ready = new CountDownLatch[blocks];
        this.samples = new long[blocks];
        for (int i = 0; i < blocks; i++) {
            ready[i] = new CountDownLatch(1);
        }
        try {
            Files.createDirectories(scratch);
            if (format == Format.MP3) {
                mp3 = new Mp3Encoder().open(rate, scratch.resolve("audiobook.mp3"), new byte[0]);
            } else {
                ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-f", "s16le", "-ar", String.valueOf(rate),
                        "-ac", "1", "-i", "pipe:0", "-ar", String.valueOf(AAC_RATE), "-c:a", "aac", "-aac_coder", "fast",
                        "-aac_pns", "0", "-aac_tns", "0", "-aac_is", "0", "-aac_ms", "0", "-b:a", AAC_KBPS + "k", "-y",
                        scratch.resolve("audiobook.m4a").toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(scratch.resolve("ffmpeg.log").toFile()).start();
            }
        } catch (IOException e) {
            throw new ProcessingException(out + ": cannot start the audiobook encoder (" + IoMessages.reason(e)
                    + (format == Format.M4B ? "; M4B needs ffmpeg: apt-get install ffmpeg" : "") + ")", e);
        }
        encoder = new Thread(this::encodeInOrder, "rawi-audiobook");
        encoder.setDaemon(true);
        encoder.start();
    }

    /** Hands over block {@code index}; called by the narration jobs, from any thread. */
    public void ready(int index, Processed audio) throws ProcessingException {
        short[] pcm = Resampler.resample(audio.pcm(), audio.sampleRate(), rate);
        ByteBuffer bytes = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(pcm);
        try {
            Files.write(raw(index), bytes.array());
        } catch (IOException e) {
            throw new ProcessingException(raw(index) + ": cannot write (" + IoMessages.reason(e) + ")", e);
        }
        samples[index] = pcm.length;
        ready[index].countDown();
    }

    private Path raw(int index) {
        return scratch.resolve(ZeroPad.of("audiobook-", index, 5) + ".pcm");
    }

    private void encodeInOrder() {
        try (OutputStream pipe = ffmpeg == null ? null : ffmpeg.getOutputStream()) {
            for (int i = 0; i < ready.length; i++) {
                ready[i].await();
                byte[] bytes = Files.readAllBytes(raw(i));
                Files.delete(raw(i));
                if (mp3 != null) {
                    short[] pcm = new short[bytes.length / 2];
                    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(pcm);
                    mp3.write(pcm);
                } else {
                    pipe.write(bytes);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } catch (Exception e) {
            failure = e;
        }
    }

    /**
     * Waits for the last block, then writes the file with its chapters and tags.
     *
     * @return the audiobook's duration in milliseconds
     */
    public long finish(List<Chapter> chapters, Tags tags, Optional<byte[]> cover, String coverType)
            throws RawiException {
        try {
            encoder.join();
            if (failure != null) {
                throw new ProcessingException(out + ": the audiobook encoder failed (" + failure + ")", failure);
            }
            long[] startMs = new long[samples.length + 1];
            long total = 0;
            for (int i = 0; i < samples.length; i++) {
                startMs[i] = Math.round(total * 1000.0 / rate);
                total += samples[i];
            }
            startMs[samples.length] = Math.round(total * 1000.0 / rate);
            if (format == Format.MP3) {
                writeMp3(chapters, startMs, tags, cover, coverType);
            } else {
                writeM4b(chapters, startMs, tags, cover, coverType);
            }
            return startMs[samples.length];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessingException(out + ": interrupted");
        } catch (IOException e) {
            throw new ProcessingException(out + ": cannot write (" + IoMessages.reason(e) + ")", e);
        }
    }

    private void writeMp3(List<Chapter> chapters, long[] startMs, Tags tags, Optional<byte[]> cover, String coverType)
            throws IOException, RawiException {
        mp3.finish();
        mp3.close();
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < chapters.size(); c++) {
            String id = "ch" + (c + 1);
            ids.add(id);
            int end = c + 1 < chapters.size() ? chapters.get(c + 1).firstBlock() : samples.length;
            Id3.chapter(extra, id, startMs[chapters.get(c).firstBlock()], startMs[end], chapters.get(c).title());
        }
        Id3.tableOfContents(extra, ids, tags.album());
        cover.ifPresent(image -> Id3.picture(extra, coverType, image));
        byte[] tag = Id3.tag(tags, "LAME " + Mp3Encoder.BITRATE + "k q" + Mp3Encoder.QUALITY, extra.toByteArray());
        Path audio = scratch.resolve("audiobook.mp3");
        try (OutputStream o = Files.newOutputStream(out); InputStream in = Files.newInputStream(audio)) {
            o.write(tag);
            in.transferTo(o);
        }
        Files.delete(audio);
    }

    private void writeM4b(List<Chapter> chapters, long[] startMs, Tags tags, Optional<byte[]> cover, String coverType)
            throws IOException, InterruptedException, RawiException {
        if (!ffmpeg.waitFor(10, TimeUnit.MINUTES) || ffmpeg.exitValue() != 0) {
            throw new ProcessingException(out + ": ffmpeg could not encode the audiobook: "
                    + Files.readString(scratch.resolve("ffmpeg.log")).strip());
        }
        StringBuilder meta = new StringBuilder(";FFMETADATA1\n");
        meta.append("title=").append(escape(tags.album())).append('\n')
                .append("album=").append(escape(tags.album())).append('\n')
                .append("artist=").append(escape(tags.artist())).append('\n')
                .append("genre=Audiobook\n");
        for (int c = 0; c < chapters.size(); c++) {
            int end = c + 1 < chapters.size() ? chapters.get(c + 1).firstBlock() : samples.length;
            meta.append("[CHAPTER]\nTIMEBASE=1/1000\nSTART=").append(startMs[chapters.get(c).firstBlock()])
                    .append("\nEND=").append(startMs[end]).append("\ntitle=").append(escape(chapters.get(c).title()))
                    .append('\n');
        }
        Path metaFile = Files.writeString(scratch.resolve("chapters.txt"), meta, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-i",
                scratch.resolve("audiobook.m4a").toString(), "-i", metaFile.toString()));
        if (cover.isPresent()) {
            Path image = Files.write(scratch.resolve(coverType.equals("image/png") ? "cover.png" : "cover.jpg"),
                    cover.get());
            command.addAll(List.of("-i", image.toString()));
        }
        command.addAll(List.of("-map", "0:a", "-map_metadata", "1", "-map_chapters", "1"));
        if (cover.isPresent()) {
            command.addAll(List.of("-map", "2:v", "-c:v", "copy", "-disposition:v:0", "attached_pic"));
        }
        command.addAll(List.of("-c:a", "copy", "-metadata:s:a:0", "language=" + Id3.iso639_2(tags.language()),
                "-f", "ipod", "-y", out.toString()));
        Processes.run(command, new byte[0], Duration.ofMinutes(5), out + ": ffmpeg could not write the M4B");
    }

    /** FFMETADATA escaping: '=', ';', '#', '\' and newlines take a backslash. */
    private static String escape(String s) {
        return s.replaceAll("([=;#\\\\\\n])", "\\\\$1");
    }

    /** Stops the encoder thread and process if the book failed before {@link #finish}. */
    @Override
    public void close() {
        encoder.interrupt();
        if (ffmpeg != null && ffmpeg.isAlive()) {
            ffmpeg.destroyForcibly();
        }
        if (mp3 != null) {
            try {
                mp3.close();
            } catch (ProcessingException e) {
                // already failing; the scratch folder is removed with the partial book
            }
        }
    }
}
