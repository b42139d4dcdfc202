package io.rawi.narration;

import io.rawi.audio.AudioProcessor;
import io.rawi.audio.Tags;
import io.rawi.speech.SpeechRequest;
import io.rawi.speech.SpokenSentence;
import io.rawi.speech.SpokenWord;
import io.rawi.speech.VoiceDefinition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key of a cached block: the SHA-256 of a text that names, field by field, everything that changes the block's
 * files: the key's version, the audio processing's constants, the block's id, language and every spoken word (as the
 * engine is given it, before the diacritizer: the diacritizer's model version stands for what it adds), the voice's
 * settings, the engine's and the encoders' versions, and the audio files' tags. Nothing in it comes from a
 * {@code toString()}, so that no record's text can change a key unnoticed; {@code CacheKeyTest} pins it.
 */
public final class CacheKey {
    /**
     * Bump when the audio processing, the way an engine is driven, the entry layout or this key's text changes (4:
     * eSpeak NG speaks every paragraph from a fresh load, so entries made before may differ slightly from what it
     * says now; 5: the index ends with its own checksum; 6: the words the engine read without vowels, for
     * pronunciation.json; 7: the tags written field by field).
     */
    static final String VERSION = "rawi-audio-cache-7";

    private CacheKey() {
    }

    /**
     * The key of block {@code blockId} spoken as {@code request} by {@code voice}, with {@code leadOutMs} of silence
     * after it, by {@code engine} (its version, and the diacritizer's when it vowels the block) and {@code encoders}
     * (their versions and the sample rate), tagged {@code tags}.
     */
    static String of(String blockId, SpeechRequest request, VoiceDefinition voice, int leadOutMs, String engine,
                     String encoders, Tags tags) {
        StringBuilder sb = TEXT.get();
        sb.setLength(0);
        sb.append(VERSION).append('\n');
        sb.append(AudioProcessor.LEAD_IN_MS).append(' ').append(leadOutMs).append(' ')
                .append(AudioProcessor.TARGET_RMS_DBFS).append(' ').append(AudioProcessor.PEAK_DBFS).append('\n');
        sb.append(blockId).append('\n').append(request.language().tag()).append('\n');
        for (SpokenSentence s : request.sentences()) {
            sb.append("S ").append(s.id()).append('\n');
            for (SpokenWord w : s.words()) {
                sb.append("W ").append(w.id()).append(' ').append(w.text()).append('\n');
            }
        }
        sb.append(voice.id()).append('|').append(voice.backend()).append('|').append(voice.engineVoice()).append('|')
                .append(voice.rate()).append('|').append(voice.pitch()).append('|').append(voice.volume()).append('|')
                .append(String.join(" ", voice.command())).append('\n');
        sb.append(engine).append('\n').append(encoders).append('\n');
        sb.append("title ").append(tags.title()).append('\n').append("album ").append(tags.album()).append('\n')
                .append("artist ").append(tags.artist()).append('\n').append("track ").append(tags.track()).append('/')
                .append(tags.tracks()).append('\n').append("language ").append(tags.language()).append('\n');
        return HexFormat.of().formatHex(sha256(sb));
    }

    /** Finds the SHA-256 implementation: the first lookup in a process takes tens of milliseconds. */
    static void warmUp() {
        SHA256.get();
    }

    /**
     * Each planning thread's text of the key being made, and its digest: looking the algorithm up again for every
     * key took a rebuild's planning more time than hashing (a digest is reset by {@link MessageDigest#digest}).
     */
    private static final ThreadLocal<StringBuilder> TEXT = ThreadLocal.withInitial(() -> new StringBuilder(1 << 12));
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /**
     * The SHA-256 of {@code text}'s UTF-8 (unpaired surrogates as '?'), through {@link String#getBytes}: a few
     * kilobytes per key, where a charset encoder fed from the builder went character by character.
     */
    private static byte[] sha256(CharSequence text) {
        return SHA256.get().digest(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
