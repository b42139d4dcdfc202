package io.rawi.narration;

import io.rawi.audio.Clip;
import io.rawi.internal.Folders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A content-addressed cache of narrated blocks: the encoded files and their clips, keyed by everything that changes
 * the audio (what is spoken after the lexicon, the voice and its settings, the engine and its version, the audio
 * processing, the encoders, the tags). Every byte an entry contributes is checksummed: each file's checksum is in its
 * index, and the index ends with a checksum of the rest of it. An entry that does not match, or is not shaped as an
 * entry (no index, an index that is a folder, a file where the entry's folder should be, clips outside the audio), is
 * removed, spoken again and stored again, and {@link #damaged} says so. Entries are written beside the cache and renamed into place, so runs sharing the cache never see half an
 * entry. The least recently used entries go when the cache is over its size limit.
 *
 * <p>Location: {@code --cache DIR}, else {@code RAWI_CACHE}, else {@code $XDG_CACHE_HOME/rawi}, else
 * {@code ~/.cache/rawi}. Thread-safe.
 */
public final class AudioCache {
    private final Path root;
    private final long limitBytes;

    /**
     * A cached block taken out of the cache: its duration and clips (its files were put in place), and the CRC-32
     * of the file that goes into the EPUB, computed while its bytes were at hand.
     */
    record Taken(long durationMs, List<Clip> sentences, long epubCrc, List<io.rawi.audio.NarratedBlock.Unread> unread) {
    }


    /** The damaged entries found (and removed) so far: for each, why, in the order found. */
    private final java.util.Map<String, String> damaged = new java.util.concurrent.ConcurrentHashMap<>();

    /** The file, in the cache's folder, of the size ledger ({@link CacheLedger}). */
    public static final String LEDGER = CacheLedger.FILE;
    /** The bytes this run stored. */
    private final java.util.concurrent.atomic.AtomicLong stored = new java.util.concurrent.atomic.AtomicLong();

    /** Whether the cache held no entry when this run opened it: its size is then what this run stores. */
    private final boolean startedEmpty;

    public AudioCache(Path root, long limitBytes) {
        this.root = root;
        this.limitBytes = limitBytes;
        this.startedEmpty = CacheLedger.noEntries(root);
    }

    /**
     * Why the entry for {@code key} was found damaged (and removed) in this run, or null if it was not: the block was
     * then spoken again and its entry stored anew.
     */
    String damage(String key) {
        return damaged.get(key);
    }

    /** Removes a damaged entry, whatever shape it is in, remembering why. */
    private void damaged(String key, Path entry, String why) {
        damaged.putIfAbsent(key, why);
        delete(entry);
    }

    /** The default location. */
    public static Path defaultRoot() {
        String env = System.getenv("RAWI_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("rawi");
    }

    Path root() {
        return root;
    }

    /**
     * Finds the SHA-256 implementation (the keys') and loads the checksums' classes (CRC-32's loads the zip library);
     * done in the background while the text is read, so that the narration's first keys and cache hits do not wait
     * for it.
     */
    public static void warmUp() {
        CacheKey.warmUp();
        new java.util.zip.CRC32().update(0);
        new java.util.zip.CRC32C().update(0);
    }

    /**
     * Whether an entry for {@code key} is there (it may yet prove damaged when read). Something there that cannot be
     * an entry (a file, or a folder without an index file) is removed as damaged, so that the entry is stored again.
     */
    boolean has(String key) {
        Path dir = root.resolve(key.substring(0, 2)).resolve(key);
        if (Files.isRegularFile(dir.resolve("index"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        String why = shapeDamage(dir);
        if (why != null) {
            damaged(key, dir, why);
        }
        return false;
    }

    /** What is wrong with the shape of what is at an entry's place, or null if it holds nothing or a whole entry. */
    private static String shapeDamage(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return "a file where the entry's folder should be";
        }
        Path index = dir.resolve("index");
        if (Files.isRegularFile(index, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        return Files.exists(index, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? "its index is not a file"
                : "its index is missing";
    }

    /**
     * Writes the files of the entry for {@code key} to {@code audioTo} and {@code epubAudioTo} (for an entry that
     * has an EPUB file) and returns its clips, if the entry is present and intact; a damaged entry is removed (what
     * was written from it is overwritten when the paragraph is spoken again). Each file is read once, checked, and the
     * checked bytes written out: a copy, never a link into the cache, so that a book's files and the cache never
     * change together.
     *
     * <p>{@code previousAudio} is where the book being replaced has this file (it may not exist). When it holds
     * exactly the entry's audio (same checksum), {@code audioTo} becomes a hard link to it instead of a copy: that
     * book is removed when this one takes its place, so the link is then the file's only name, and removing that book
     * frees nothing this one needs, which makes replacing it much quicker (docs/BENCHMARKS.md).
     */
    Optional<Taken> take(String key, Path audioTo, Path epubAudioTo, Path previousAudio) {
        Path dir = root.resolve(key.substring(0, 2)).resolve(key);
        Path index = dir.resolve("index");
        if (!Files.isRegularFile(index, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            String why = shapeDamage(dir);
            if (why != null) {
                damaged(key, dir, why);
            }
            return Optional.empty();
        }
        int written = 0;
        try {
            // the index is ASCII, one record a line, fields split by spaces; read without a string per line or field
            CacheIndex.Fields f = new CacheIndex.Fields(CacheIndex.checked(CacheFiles.readIndex(index)));
            boolean audio = false;
            long epubCrc = -1;
            long duration = -1;
            List<Clip> sentences = new ArrayList<>();
            List<Clip> words = new ArrayList<>();
            List<io.rawi.audio.NarratedBlock.Unread> unread = new ArrayList<>();
            Clip sentence = null;
            while (f.nextLine()) {
                switch (f.text()) {
                    case "file" -> {
                        boolean isAudio = f.text().equals("audio");
                        Path to = isAudio ? audioTo : epubAudioTo;
                        String name = f.text();
                        if (to == null) {
                            throw new IOException("a file the book does not use: " + name);
                        }
                        String checksum = f.text();
                        written++;
                        long crc32 = isAudio ? CacheFiles.linkedFromPrevious(previousAudio, checksum, to) : -1;
                        if (crc32 < 0) {
                            crc32 = CacheFiles.copyChecked(dir.resolve(name), checksum, to);
                        }
                        if (isAudio == (epubAudioTo == null)) { // the file that goes into the EPUB
                            epubCrc = crc32;
                        }
                        audio |= isAudio;
                    }
                    case "duration" -> duration = f.number();
                    case "S" -> {
                        if (sentence != null) {
                            sentences.add(withWords(sentence, words));
                        }
                        sentence = f.clip();
                        words = new ArrayList<>();
                    }
                    case "W" -> words.add(f.clip());
                    case "U" -> {
                        int count = (int) f.number();
                        unread.add(new io.rawi.audio.NarratedBlock.Unread(CacheIndex.unfield(f.text()), CacheIndex.unfield(f.text()),
                                CacheIndex.unfield(f.text()), count));
                    }
                    default -> throw new IOException("unknown line");
                }
            }
            if (sentence != null) {
                sentences.add(withWords(sentence, words));
            }
            if (!audio || (epubAudioTo != null && written != 2) || duration < 0 || sentences.isEmpty()) {
                throw new IOException("an incomplete entry");
            }
            for (Clip c : sentences) {
                if (c.beginMs() < 0 || c.endMs() < c.beginMs() || c.endMs() > duration) {
                    throw new IOException("sentence " + c.id() + " lies outside the audio");
                }
            }
            Files.setLastModifiedTime(index, FileTime.fromMillis(System.currentTimeMillis()));
            return Optional.of(new Taken(duration, sentences, epubCrc, unread));
        } catch (IOException | RuntimeException e) {
            damaged(key, dir, e instanceof IOException && e.getMessage() != null ? e.getMessage() : "an unreadable index");
            return Optional.empty();
        }
    }

    private static Clip withWords(Clip sentence, List<Clip> words) {
        return new Clip(sentence.id(), sentence.beginMs(), sentence.endMs(), words, sentence.estimated());
    }


    /**
     * Stores a block's files; another run storing the same key first wins. Failures only cost the cache. Returns the
     * CRC-32 of the file that goes into the EPUB ({@code epubAudio}, or {@code audio} when that is null), computed as
     * it was read to be stored, or -1 when it was not read.
     */
    long put(String key, Path audio, Path epubAudio, long durationMs, List<Clip> sentences,
             List<io.rawi.audio.NarratedBlock.Unread> unread) {
        Path dir = root.resolve(key.substring(0, 2)).resolve(key);
        if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            String why = shapeDamage(dir);
            if (why == null) {
                return -1; // another run stored it first
            }
            damaged(key, dir, why);
        }
        Path tmp = null;
        long epubCrc = -1;
        try {
            Files.createDirectories(dir.getParent());
            tmp = Files.createTempDirectory(dir.getParent(), "." + key + ".");
            StringBuilder index = new StringBuilder();
            long[] bytes = {0}; // what the entry holds, for the size ledger
            epubCrc = CacheFiles.file(tmp, "audio", audio, index, bytes);
            if (epubAudio != null && !epubAudio.equals(audio)) {
                epubCrc = CacheFiles.file(tmp, "epub", epubAudio, index, bytes);
            }
            index.append("duration ").append(durationMs).append('\n');
            for (io.rawi.audio.NarratedBlock.Unread u : unread) {
                index.append("U ").append(u.count()).append(' ').append(CacheIndex.field(u.written())).append(' ')
                        .append(CacheIndex.field(u.spoken())).append(' ').append(CacheIndex.field(u.phonemes())).append('\n');
            }
            for (Clip s : sentences) {
                index.append(CacheIndex.line("S", s));
                for (Clip w : s.words()) {
                    index.append(CacheIndex.line("W", w));
                }
            }
            byte[] body = index.toString().getBytes(StandardCharsets.UTF_8);
            String check = "check " + CacheFiles.crc(body, body.length) + "\n"; // ASCII
            index.append(check);
            Files.writeString(tmp.resolve("index"), index, StandardCharsets.UTF_8);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            stored.addAndGet(bytes[0] + body.length + check.length());
        } catch (IOException e) {
            // another run stored it first, or the cache cannot be written: the book is made all the same
            delete(tmp);
        }
        return epubCrc;
    }

    /**
     * Removes the least recently used entries until the cache is within its limit. Scanning the whole cache (every
     * entry's files) takes a rebuild that speaks one paragraph a tenth of its time, so it is skipped while the size
     * the last scan found, plus what runs stored since, stays under nine tenths of the limit, for at most
     * {@link CacheLedger#SCAN_EVERY_MS} (two runs storing at once may each miss the other's bytes; the next scan counts them).
     * A first run into an empty cache writes the ledger from what it stored, without a scan.
     */
    public void trim() {
        new CacheLedger(root, limitBytes).trim(stored.get(), startedEmpty);
    }

    private static void delete(Path dir) {
        if (dir != null) {
            Folders.deleteTree(dir);
        }
    }
}
