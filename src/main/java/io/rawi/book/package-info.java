/**
 * The book model: immutable records for the book, its chapters, paragraphs, sentences and words, with the stable ids
 * ({@code p0001}, {@code p0001s01}, {@code p0001s01w01}) that tie the text, the audio and the overlays together.
 */
package io.rawi.book;
