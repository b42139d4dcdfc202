/**
 * Readers: turn an input file into paragraphs, and detect its language and direction from the script.
 * Nothing here changes the text; cleaning is the next stage's job.
 */
package io.rawi.source;
