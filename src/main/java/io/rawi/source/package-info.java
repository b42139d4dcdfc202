/**
 * Readers: turn an input file into paragraphs, and tell its language and direction ({@link io.rawi.book.LanguageDetector},
 * from the script).
 * Nothing here changes the text; cleaning is the next stage's job.
 */
package io.rawi.source;
