/**
 * Narration: the plan of each block (what its engine is asked, its cache key), the schedule that speaks what the cache
 * lacks first and in reading order, the cache of narrated blocks ({@link io.rawi.narration.CacheKey} for the keys,
 * {@link io.rawi.narration.AudioCache} for the store), and the progress and profile it reports. It uses the speech
 * and audio stages and is driven by the pipeline.
 */
package io.rawi.narration;
