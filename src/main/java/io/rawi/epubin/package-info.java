/**
 * Existing EPUB books as input: read safely (no zip-slip, no zip bombs, no XML entities, no DRM), their content
 * documents kept and given the paragraph, sentence and word ids that narration and media overlays need.
 */
package io.rawi.epubin;
