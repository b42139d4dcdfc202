/**
 * EPUB 3 Media Overlays: SMIL documents that tie each paragraph, sentence or word of the text to its clip in the
 * narration, and the package metadata that declares them.
 */
package io.rawi.overlay;
