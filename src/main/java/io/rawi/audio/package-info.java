/**
 * Audio: trimming, lead-in and lead-out, loudness normalisation, encoders (MP3 through libmp3lame, WAV, Opus through
 * opusenc) with tags, and the timing files that describe the audio (timings.json, WebVTT, M3U8).
 */
package io.rawi.audio;
