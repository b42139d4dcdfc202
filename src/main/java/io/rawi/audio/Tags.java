package io.rawi.audio;

/**
 * What an audio file says about itself.
 *
 * @param title    the paragraph's opening words
 * @param album    the book title
 * @param artist   the authors, or the narrating voice
 * @param track    1-based position in reading order
 * @param tracks   how many files the book has
 * @param language BCP 47 tag of the paragraph
 */
public record Tags(String title, String album, String artist, int track, int tracks, String language) {
    /**
     * The record's usual text, written out: it is part of each cache key, and the generated one is bootstrapped
     * through method handles on first use, which costs a cold run tens of milliseconds on two threads at once.
     */
    @Override
    public String toString() {
        return "Tags[title=" + title + ", album=" + album + ", artist=" + artist + ", track=" + track + ", tracks="
                + tracks + ", language=" + language + "]";
    }
}
