package io.rawi.audio;

import java.nio.file.Path;
import java.util.List;

/**
 * One block (title line, heading or paragraph) as narrated.
 *
 * @param id             the block's id, also its file's name
 * @param file           the audio file, relative to the book folder ({@code audio/p0001.mp3})
 * @param epubAudio      the file that goes into the EPUB (a core media type; the same file unless the folder has WAV)
 * @param epubMediaType  its media type
 * @param durationMs     the length of the audio file
 * @param sentences      where each sentence (and word) is heard in it
 * @param voice          the id of the voice that spoke it
 * @param epubCrc        the CRC-32 of {@code epubAudio}'s bytes (as a zip entry needs it), or -1 if not known
 * @param unread         the words the engine read with no vowel or three consonants in a row (see pronunciation.json)
 */
public record NarratedBlock(String id, String file, Path epubAudio, String epubMediaType, long durationMs,
                            List<Clip> sentences, String voice, long epubCrc, List<Unread> unread) {
    public NarratedBlock {
        sentences = List.copyOf(sentences);
        unread = List.copyOf(unread);
    }

    /**
     * A word the engine read with no vowel or three consonants in a row: as written, as spoken, the engine's
     * phonemes, and how many times it is in the block.
     */
    public record Unread(String written, String spoken, String phonemes, int count) {
    }

    /** A block with its processed audio, while it is still wanted (for the audiobook). */
    public record WithAudio(NarratedBlock block, Processed audio) {
    }

    /** The audio's name inside the EPUB, relative to the package document. */
    public String epubHref() {
        return "audio/" + epubAudio.getFileName();
    }
}
