/**
 * The book model: immutable records for the book, its chapters, paragraphs, sentences and words, with the stable ids
 * ({@code p0001}, {@code p0001s01}, {@code p0001s01w01}) that tie the text, the audio and the overlays together; a
 * text's {@link io.rawi.book.Language} (and its detection from the script) and images. Every stage uses the model, so
 * it imports nothing of theirs; the {@link io.rawi.book.Segmenter} is the step that splits blocks into sentences and
 * words.
 */
package io.rawi.book;
