package io.rawi.narration;

import io.rawi.audio.Clip;
import io.rawi.internal.Folders;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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

    /**
     * Each narration thread's buffer for the file being checked: taking a whole book from the cache allocates
     * nothing per file (reading each into a new array cost a rebuild two pauses of the collector).
     */
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[1 << 19]);

    /** The damaged entries found (and removed) so far: for each, why, in the order found. */
    private final java.util.Map<String, String> damaged = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The file, in the cache's folder, where the last full scan of the cache wrote when it ran and how large the
     * cache then was; each run that skips the scan adds what it stored.
     */
    public static final String LEDGER = "size";
    /** How long a scan's size is trusted: at least this often, a trim scans the whole cache. */
    private static final long SCAN_EVERY_MS = 3_600_000;
    /** The bytes this run stored. */
    private final java.util.concurrent.atomic.AtomicLong stored = new java.util.concurrent.atomic.AtomicLong();

    /** Whether the cache held no entry when this run opened it: its size is then what this run stores. */
    private final boolean startedEmpty;

    public AudioCache(Path root, long limitBytes) {
        this.root = root;
        this.limitBytes = limitBytes;
        this.startedEmpty = noEntries(root);
    }

    /** Whether {@code root} holds no entry: no shard folder (the covers and the ledger are not entries). */
    private static boolean noEntries(Path root) {
        if (!Files.isDirectory(root)) {
            return true;
        }
        try (Stream<Path> list = Files.list(root)) {
            return list.noneMatch(p -> p.getFileName().toString().matches("[0-9a-f]{2}") && Files.isDirectory(p));
        } catch (IOException e) {
            return false; // unreadable: the trim scans, and says nothing either
        }
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
            Fields f = new Fields(checked(readIndex(index)));
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
                        long crc32 = isAudio ? linkedFromPrevious(previousAudio, checksum, to) : -1;
                        if (crc32 < 0) {
                            crc32 = copyChecked(dir.resolve(name), checksum, to);
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
                        unread.add(new io.rawi.audio.NarratedBlock.Unread(unfield(f.text()), unfield(f.text()),
                                unfield(f.text()), count));
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

    /** A text as one field of an index line: UTF-8, with %, space and line breaks escaped. */
    private static String field(String text) {
        return text.replace("%", "%25").replace(" ", "%20").replace("\n", "%0A").replace("\r", "%0D");
    }

    /** A field of an index line (read a byte per char) back to its text. */
    private static String unfield(String field) {
        String utf8 = new String(field.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return utf8.replace("%0D", "\r").replace("%0A", "\n").replace("%20", " ").replace("%25", "%");
    }

    /**
     * The index without its last line, {@code check <checksum of everything before it>}, if that matches; else an
     * IOException saying the index is damaged.
     */
    private static String checked(String index) throws IOException {
        int last = index.lastIndexOf("check ", index.length() - 1);
        if (last < 0 || (last > 0 && index.charAt(last - 1) != '\n') || !index.endsWith("\n")) {
            throw new IOException("its index has no checksum");
        }
        String body = index.substring(0, last);
        if (!index.substring(last + "check ".length(), index.length() - 1).equals(indexCrc(body))) {
            throw new IOException("its index does not match its checksum");
        }
        return body;
    }

    /** The checksum of an index's text as read (a char per byte), as its last line gives it. */
    private static String indexCrc(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        return crc(bytes, bytes.length);
    }

    /**
     * Links {@code to} to {@code previous} if that file matches {@code checksum}, and returns its CRC-32; -1 if it
     * does not exist, does not match, or cannot be linked (another file system, or none that links), and nothing was
     * made.
     */
    private static long linkedFromPrevious(Path previous, String checksum, Path to) {
        try {
            if (previous == null || !Files.isRegularFile(previous, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    || Files.size(previous) != Long.parseLong(checksum.substring(checksum.lastIndexOf(':') + 1))) {
                return -1;
            }
            int length = readAll(previous);
            if (!checksum.equals(crc(BUFFER.get(), length))) {
                return -1;
            }
            Files.createLink(to, previous);
            return crc32(BUFFER.get(), length);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Checks {@code file} against its checksum line and writes it to {@code to} (see {@link #take}); returns its
     * CRC-32.
     */
    private static long copyChecked(Path file, String checksum, Path to) throws IOException {
        int length = readAll(file);
        byte[] buffer = BUFFER.get();
        if (!crc(buffer, length).equals(checksum)) {
            throw new IOException(file.getFileName() + " does not match its checksum");
        }
        try (OutputStream out = Files.newOutputStream(to)) {
            out.write(buffer, 0, length);
        }
        return crc32(buffer, length);
    }

    /** The CRC-32 (a zip entry's checksum) of a file, read into this thread's buffer; -1 if it cannot be read. */
    static long crc32(Path file) {
        try {
            int length = readAll(file);
            return crc32(BUFFER.get(), length);
        } catch (IOException e) {
            return -1; // the zip then reads it, and says what is wrong
        }
    }

    /** The CRC-32 (a zip entry's checksum) of {@code length} bytes. */
    private static long crc32(byte[] bytes, int length) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    /** Reads {@code file} into this thread's {@link #BUFFER}, grown if need be; returns its length. */
    private static int readAll(Path file) throws IOException {
        return readAll(file, BUFFER);
    }

    /** Reads {@code file} into this thread's buffer of {@code buffers}, grown if need be; returns its length. */
    private static int readAll(Path file, ThreadLocal<byte[]> buffers) throws IOException {
        byte[] buffer = buffers.get();
        try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(file)) {
            long size = in.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException("too large: " + file);
            }
            if (buffer.length < size) {
                buffer = new byte[(int) size];
                buffers.set(buffer);
            }
            java.nio.ByteBuffer into = java.nio.ByteBuffer.wrap(buffer, 0, (int) size);
            while (into.hasRemaining() && in.read(into) >= 0) {
                // read it all
            }
            return into.position();
        }
    }

    private static Clip withWords(Clip sentence, List<Clip> words) {
        return new Clip(sentence.id(), sentence.beginMs(), sentence.endMs(), words, sentence.estimated());
    }

    /** An index file read into this thread's {@link #INDEX} buffer, as ASCII text. */
    private static String readIndex(Path index) throws IOException {
        int length = readAll(index, INDEX);
        return new String(INDEX.get(), 0, length, StandardCharsets.ISO_8859_1);
    }

    /** Each narration thread's buffer for index files, which are a few kilobytes. */
    private static final ThreadLocal<byte[]> INDEX = ThreadLocal.withInitial(() -> new byte[1 << 13]);

    /**
     * The fields of an index, line by line: {@link #nextLine} moves to the next line, then {@link #text},
     * {@link #number} and {@link #clip} take its fields in turn. A line with too few fields, or a field that is not
     * what is asked, throws.
     */
    private static final class Fields {
        private final String s;
        private int at;       // where the next field begins
        private int lineEnd;  // where the current line ends
        private int next;     // where the next line begins

        Fields(String s) {
            this.s = s;
        }

        boolean nextLine() {
            at = next;
            if (at >= s.length()) {
                return false;
            }
            int nl = s.indexOf('\n', at);
            lineEnd = nl < 0 ? s.length() : nl;
            next = lineEnd + 1;
            return true;
        }

        private int end() throws IOException {
            if (at > lineEnd) {
                throw new IOException("a line with too few fields");
            }
            int space = s.indexOf(' ', at);
            return space < 0 || space > lineEnd ? lineEnd : space;
        }

        String text() throws IOException {
            int end = end();
            String t = s.substring(at, end);
            at = end + 1;
            return t;
        }

        long number() throws IOException {
            int end = end();
            long n = Long.parseLong(s, at, end, 10);
            at = end + 1;
            return n;
        }

        /** The rest of an S or W line: id, begin, end, whether the positions are estimated. */
        Clip clip() throws IOException {
            String id = text();
            long begin = number();
            long endMs = number();
            return new Clip(id, begin, endMs, List.of(), Boolean.parseBoolean(text()));
        }
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
            epubCrc = file(tmp, "audio", audio, index, bytes);
            if (epubAudio != null && !epubAudio.equals(audio)) {
                epubCrc = file(tmp, "epub", epubAudio, index, bytes);
            }
            index.append("duration ").append(durationMs).append('\n');
            for (io.rawi.audio.NarratedBlock.Unread u : unread) {
                index.append("U ").append(u.count()).append(' ').append(field(u.written())).append(' ')
                        .append(field(u.spoken())).append(' ').append(field(u.phonemes())).append('\n');
            }
            for (Clip s : sentences) {
                index.append(line("S", s));
                for (Clip w : s.words()) {
                    index.append(line("W", w));
                }
            }
            byte[] body = index.toString().getBytes(StandardCharsets.UTF_8);
            String check = "check " + crc(body, body.length) + "\n"; // ASCII
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
     * Copies {@code source} into the entry being made, through this thread's buffer, adds its line to {@code index}
     * and its length to {@code bytes[0]}; returns its CRC-32.
     */
    private static long file(Path dir, String role, Path source, StringBuilder index, long[] bytes)
            throws IOException {
        String name = role + source.getFileName().toString().replaceAll("^[^.]*", "");
        int length = readAll(source);
        byte[] buffer = BUFFER.get();
        try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
            out.write(buffer, 0, length);
        }
        index.append("file ").append(role).append(' ').append(name).append(' ').append(crc(buffer, length))
                .append('\n');
        bytes[0] += length;
        return crc32(buffer, length);
    }

    private static String line(String kind, Clip c) {
        return kind + " " + c.id() + " " + c.beginMs() + " " + c.endMs() + " " + c.estimated() + "\n";
    }

    /**
     * Removes the least recently used entries until the cache is within its limit. Scanning the whole cache (every
     * entry's files) takes a rebuild that speaks one paragraph a tenth of its time, so it is skipped while the size
     * the last scan found, plus what runs stored since, stays under nine tenths of the limit, for at most
     * {@link #SCAN_EVERY_MS} (two runs storing at once may each miss the other's bytes; the next scan counts them).
     * A first run into an empty cache writes the ledger from what it stored, without a scan.
     */
    public void trim() {
        if (!Files.isDirectory(root)) {
            return;
        }
        Path ledger = root.resolve(LEDGER);
        long now = System.currentTimeMillis();
        long[] last = ledger(ledger);
        if (last == null && startedEmpty && stored.get() <= limitBytes - limitBytes / 10) {
            // a first run into an empty cache: what it stored is the cache, and a scan would only count it again
            writeLedger(ledger, now, stored.get());
            return;
        }
        if (last != null && now >= last[0] && now - last[0] < SCAN_EVERY_MS
                && last[1] + stored.get() <= limitBytes - limitBytes / 10) {
            if (stored.get() > 0) {
                writeLedger(ledger, last[0], last[1] + stored.get());
            }
            return;
        }
        record Sized(Path dir, long bytes, long used) {
        }
        List<Sized> entries = new ArrayList<>();
        try (Stream<Path> shards = Files.list(root)) {
            for (Path shard : shards.filter(Files::isDirectory).toList()) {
                try (Stream<Path> list = Files.list(shard)) {
                    for (Path dir : list.filter(d -> Files.isRegularFile(d.resolve("index"))).toList()) {
                        long bytes;
                        try (Stream<Path> files = Files.list(dir)) {
                            bytes = files.mapToLong(f -> f.toFile().length()).sum();
                        }
                        entries.add(new Sized(dir, bytes, Files.getLastModifiedTime(dir.resolve("index")).toMillis()));
                    }
                }
            }
        } catch (IOException e) {
            return;
        }
        long total = entries.stream().mapToLong(Sized::bytes).sum();
        entries.sort(Comparator.comparingLong(Sized::used));
        for (Sized s : entries) {
            if (total <= limitBytes) {
                break;
            }
            delete(s.dir());
            total -= s.bytes();
        }
        writeLedger(ledger, now, total);
    }

    /** The ledger's time of the last scan and size, or null when there is none or it cannot be read. */
    private static long[] ledger(Path ledger) {
        try {
            String[] f = Files.readString(ledger, StandardCharsets.US_ASCII).strip().split(" ");
            return f.length == 4 && f[0].equals("scanned") && f[2].equals("bytes")
                    ? new long[] {Long.parseLong(f[1]), Long.parseLong(f[3])} : null;
        } catch (IOException | RuntimeException e) { // none yet, or damaged: the next trim scans
            return null;
        }
    }

    /** Replaces the ledger at once (a reader sees the old one or the new one); a failure only means a scan later. */
    private void writeLedger(Path ledger, long scannedMillis, long bytes) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(root, "." + LEDGER + ".", "");
            Files.writeString(tmp, "scanned " + scannedMillis + " bytes " + bytes + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, ledger, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException ignored) { // a stray temporary file in the cache's folder harms nothing
            }
        }
    }

    /**
     * The checksum of an entry's file: CRC-32C, which the JVM computes with the processor's own instruction. It
     * guards against damage (a truncated or altered file), not against tampering; the key itself is a SHA-256.
     */
    private static String crc(byte[] bytes, int length) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, 0, length);
        return "crc32c:" + Long.toHexString(crc.getValue()) + ":" + length;
    }

    private static void delete(Path dir) {
        if (dir != null) {
            Folders.deleteTree(dir);
        }
    }
}
