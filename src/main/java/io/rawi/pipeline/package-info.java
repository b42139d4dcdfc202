/**
 * The pipeline: the conversion that drives every stage in order (assembling the book, narrating it through
 * {@link io.rawi.narration}, laying out, zipping and publishing it), and its options and results. The command line
 * only parses arguments and prints; everything it does goes through here.
 */
package io.rawi.pipeline;
