package io.rawi.speech;

/** A word as it will be spoken (quote marks dropped, lexicon applied), with the id of the word it reads. */
public record SpokenWord(String id, String text) {
}
