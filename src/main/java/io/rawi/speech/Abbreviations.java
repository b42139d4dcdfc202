package io.rawi.speech;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Abbreviations and what is said for them (د. → الدكتور), from a plain UTF-8 file beside the voice files,
 * {@code abbreviations-<language>.txt}: one per line, the abbreviation as written, a tab (or {@code =}), what is said;
 * {@code #} starts a comment. Users extend the list by adding lines (or a file for their own voices folder). A word
 * matches as written, or without the punctuation after it (a comma, a colon…); the punctuation stays.
 */
public final class Abbreviations {
    /** No abbreviations. */
    public static final Abbreviations NONE = new Abbreviations(Map.of());
    /** Files read, by place, with the time and size they had: an edited file is read again (a server lives on). */
    private static final Map<Path, Read> LOADED = new ConcurrentHashMap<>();
    private static final String TRAILING = "،,;:؛!?؟»\"'”)";
    private final Map<String, String> said;

    private Abbreviations(Map<String, String> said) {
        this.said = Map.copyOf(said);
    }

    /** What a file held when it had this time and size (-1 for both when it cannot be read). */
    private record Read(long modified, long size, Abbreviations abbreviations) {
    }

    /** The abbreviations in {@code file}, read once while it is unchanged; none when there is no such file. */
    public static Abbreviations of(Path file) {
        Path path = file.toAbsolutePath().normalize();
        long modified = -1;
        long size = -1;
        try {
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(path,
                    java.nio.file.attribute.BasicFileAttributes.class);
            modified = a.lastModifiedTime().toMillis();
            size = a.size();
        } catch (IOException e) {
            // no such file: read() says none
        }
        long m = modified;
        long z = size;
        return LOADED.compute(path, (k, known) -> known != null && known.modified() == m && known.size() == z ? known
                : new Read(m, z, read(k))).abbreviations();
    }

    /** The abbreviations for {@code language} beside {@code voice}'s file; none for a voice that has no file. */
    public static Abbreviations forVoice(VoiceDefinition voice, String language) {
        if (voice.source() == null || voice.source().getParent() == null) {
            return NONE;
        }
        return of(voice.source().getParent().resolve("abbreviations-" + language + ".txt"));
    }

    private static Abbreviations read(Path file) {
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        Map<String, String> said = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int tab = l.indexOf('\t');
                int at = tab >= 0 ? tab : l.indexOf('=');
                if (at > 0 && at < l.length() - 1) {
                    said.put(l.substring(0, at).strip(), l.substring(at + 1).strip());
                }
            }
        } catch (IOException e) {
            return NONE; // an unreadable list: the words are read as written
        }
        return new Abbreviations(said);
    }

    /** How many abbreviations there are. */
    public int size() {
        return said.size();
    }

    /** What is said for {@code word}: its expansion (with the punctuation after it kept), or the word itself. */
    public String expand(String word) {
        if (said.isEmpty()) {
            return word;
        }
        String exact = said.get(word);
        if (exact != null) {
            return exact;
        }
        int end = word.length();
        while (end > 0 && TRAILING.indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end < word.length() && end > 0) {
            String core = said.get(word.substring(0, end));
            if (core != null) {
                return core + word.substring(end);
            }
        }
        return word;
    }
}
