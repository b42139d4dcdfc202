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
}
