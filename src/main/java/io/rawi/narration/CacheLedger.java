package io.rawi.narration;

import io.rawi.internal.Folders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cache's size: its ledger file, {@code size} in the cache's folder ({@code scanned <millis> bytes <n>}), where
 * the last full scan wrote when it ran and how large the cache then was, and each run that skips the scan adds what
 * it stored; and the trim that keeps the cache within its limit, least recently used entries first.
 */
final class CacheLedger {
    /** The ledger's file name, in the cache's folder. */
    static final String FILE = "size";
    /** How long a scan's size is trusted: at least this often, a trim scans the whole cache. */
    static final long SCAN_EVERY_MS = 3_600_000;

    private final Path root;
    private final long limitBytes;

    CacheLedger(Path root, long limitBytes) {
        this.root = root;
        this.limitBytes = limitBytes;
    }

    /** Whether {@code root} holds no entry: no shard folder (the covers and the ledger are not entries). */
    static boolean noEntries(Path root) {
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
     * Removes the least recently used entries until the cache is within its limit. Scanning the whole cache (every
     * entry's files) takes a rebuild that speaks one paragraph a tenth of its time, so it is skipped while the size
     * the last scan found, plus what runs stored since, stays under nine tenths of the limit, for at most
     * {@link #SCAN_EVERY_MS} (two runs storing at once may each miss the other's bytes; the next scan counts them).
     * A first run into an empty cache writes the ledger from what it stored, without a scan.
     */
    void trim(long stored, boolean startedEmpty) {
        if (!Files.isDirectory(root)) {
            return;
        }
        Path ledger = root.resolve(FILE);
        long now = System.currentTimeMillis();
        long[] last = ledger(ledger);
        if (last == null && startedEmpty && stored <= limitBytes - limitBytes / 10) {
            // a first run into an empty cache: what it stored is the cache, and a scan would only count it again
            writeLedger(ledger, now, stored);
            return;
        }
        if (last != null && now >= last[0] && now - last[0] < SCAN_EVERY_MS
                && last[1] + stored <= limitBytes - limitBytes / 10) {
            if (stored > 0) {
                writeLedger(ledger, last[0], last[1] + stored);
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
            Folders.deleteTree(s.dir());
            total -= s.bytes();
        }
        writeLedger(ledger, now, total);
    }

    /** The ledger's time of the last scan and size, or null when there is none or it cannot be read. */
    static long[] ledger(Path ledger) {
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
            tmp = Files.createTempFile(root, "." + FILE + ".", "");
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
}
