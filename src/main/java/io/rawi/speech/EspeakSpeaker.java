package io.rawi.speech;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Speaking through {@link EspeakLibrary}'s slots: a slot taken, the library loaded afresh on the folder that has the
 * voice, the SSML spoken with a watchdog for the timeout, the judged words' phonemes read, the slot given back. SSML's
 * {@code xml:lang} can make eSpeak NG pick another voice than the one asked for among all those it knows, and this
 * process's data folder holds only the voices used; so each voice and language is probed once, spoken from both
 * folders, and stays on eSpeak NG's own folder if they differ. The probe costs about as much as four fresh loads on
 * the real folder, so the first {@value #PROBE_AFTER} syntheses of a voice and language use the real folder and the
 * probe runs before the next ({@code -Drawi.espeak.probeAfter=0} probes before the first). The maps are guarded by
 * the library, like the rest of its state.
 */
final class EspeakSpeaker {
    /**
     * How many times a voice and language are spoken from the real folder before the probe: the probe costs about
     * as much as that many fresh loads there, so a rebuild that speaks a paragraph or two does not pay for it.
     */
    private static final int PROBE_AFTER = 4;
    /** For each voice and SSML language ({@code voice|lang}): whether the mirror speaks them alike (else: not used). */
    private final Map<String, Boolean> mirrored = new HashMap<>();
    /** For each voice and SSML language not probed yet: how many times it was spoken from the real folder. */
    private final Map<String, Integer> unprobed = new HashMap<>();
    private final EspeakLibrary lib;

    EspeakSpeaker(EspeakLibrary lib) {
        this.lib = lib;
    }

    /**
     * Speaks SSML with the given voice settings, from a fresh load of the library. The caller's timeout aborts
     * synthesis from the callback.
     *
     * @param lang the SSML's {@code xml:lang}
     * @return the audio and the marks
     */
    EspeakLibrary.Result synthesize(String voice, String lang, int wpm, int pitch, int volume, String ssml,
                             long timeoutMillis, String what, java.util.Collection<String> judge)
            throws SpeechException {
        EspeakSlot slot = lib.acquire();
        slot.lock.lock();
        try {
            if (io.rawi.internal.Interruption.stopping()) {
                throw new SpeechException(what + ": interrupted");
            }
            // read each time, for tests; SSML that switches voices needs them all: eSpeak NG's own folder
            boolean useMirror = !"false".equals(System.getProperty("rawi.espeak.mirror")) && !ssml.contains("<voice ");
            String pair = voice + "|" + lang;
            Boolean alike;
            boolean probe;
            synchronized (lib) {
                alike = mirrored.get(pair);
                // read each time, for tests: 0 probes before the first synthesis
                probe = useMirror && alike == null && unprobed.merge(pair, 1, Integer::sum)
                        > Integer.getInteger("rawi.espeak.probeAfter", PROBE_AFTER);
            }
            if (probe) {
                alike = mirrorSpeaksAlike(slot, voice, lang);
                synchronized (lib) {
                    mirrored.put(pair, alike);
                }
            }
            // on the folder that has its voice
            String error = lib.loadFresh(slot, useMirror && Boolean.TRUE.equals(alike) ? lib.mirrorRoot() : null);
            if (error != null) {
                throw new SpeechException(what + ": " + error);
            }
            if (slot.api.espeak_SetVoiceByName(voice) != 0) {
                throw new SpeechException(what + ": eSpeak NG has no voice '" + voice + "' (see espeak-ng --voices)");
            }
            slot.api.espeak_SetParameter(EspeakApi.RATE, wpm, 0);
            slot.api.espeak_SetParameter(EspeakApi.PITCH, pitch, 0);
            slot.api.espeak_SetParameter(EspeakApi.VOLUME, volume, 0);
            EspeakCollector c = new EspeakCollector(slot);
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(timeoutMillis);
                    c.abort = true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "rawi-espeak-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            int status;
            try {
                status = speak(slot, ssml, c);
            } finally {
                watchdog.interrupt();
            }
            if (c.interrupted) {
                throw new SpeechException(what + ": interrupted");
            }
            if (c.abort) {
                throw new SpeechException(what + ": eSpeak NG did not finish within " + timeoutMillis / 1000
                        + " s and was stopped");
            }
            if (status != 0) {
                throw new SpeechException(what + ": eSpeak NG failed (espeak_Synth returned " + status + ")");
            }
            Map<String, String> phonemes = new HashMap<>();
            if (!judge.isEmpty() && slot.api.espeak_SetVoiceByName(voice) == 0) { // the voice SSML may have changed
                for (String word : judge) {
                    phonemes.put(word, phonemes(slot, word));
                }
            }
            return new EspeakLibrary.Result(c.pcm(), c.marks, c.words, phonemes);
        } finally {
            slot.lock.unlock();
            lib.release(slot);
        }
    }

    /** The voice and language pairs probed so far, and whether this process's data folder speaks them alike. */
    Map<String, Boolean> judged() {
        synchronized (lib) {
            return Map.copyOf(mirrored);
        }
    }

    /** {@code text} as a NUL-terminated UTF-8 string in native memory, as the library reads its input. */
    private Memory cString(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        Memory memory = new Memory(utf8.length + 1L);
        memory.write(0, utf8, 0, utf8.length);
        memory.setByte(utf8.length, (byte) 0);
        return memory;
    }

    /** The phonemes the slot's library gives {@code word}, clause after clause, as {@code espeak-ng -x} prints them. */
    private String phonemes(EspeakSlot slot, String word) {
        PointerByReference at = new PointerByReference(cString(word));
        StringBuilder sb = new StringBuilder();
        for (int clauses = 0; at.getValue() != null && clauses < 16; clauses++) {
            Pointer p = slot.api.espeak_TextToPhonemes(at, EspeakApi.CHARS_UTF8, 0);
            if (p != null) {
                sb.append(sb.length() > 0 ? " " : "").append(p.getString(0, "UTF-8").strip());
            }
        }
        return sb.toString().strip();
    }

    /** Has the loaded library speak {@code ssml} into {@code c}; returns espeak_Synth's status. */
    private int speak(EspeakSlot slot, String ssml, EspeakCollector c) {
        Memory text = cString(ssml);
        slot.current = c;
        try {
            return slot.api.espeak_Synth(text, new NativeLong(text.size()), 0, 1, 0, EspeakApi.CHARS_UTF8 | EspeakApi.SSML, null, null);
        } finally {
            slot.current = null;
        }
    }

    /**
     * Whether the library started on the data folder ({@link EspeakDataFolder}) speaks {@code voice} with SSML in {@code lang} as it does
     * on eSpeak NG's own folder. SSML's {@code xml:lang} has eSpeak NG pick a voice for that language among all those
     * it knows, even over the voice asked for, and the mirror holds only the voices used; so, once per voice and
     * language in a process, a probe is spoken from both folders and compared (the voice's file is put in the mirror
     * first). Unlike: that voice and language always start on eSpeak NG's own folder.
     */
    private boolean mirrorSpeaksAlike(EspeakSlot slot, String voice, String lang) {
        if (!lang.matches("[A-Za-z0-9-]+")) {
            return false;
        }
        String probe = "<speak xml:lang=\"" + lang + "\">12 345.</speak>";
        short[] own = probe(slot, null, voice, probe, true);
        short[] mirrored = own == null || lib.mirrorRoot() == null ? null : probe(slot, lib.mirrorRoot(), voice, probe, false);
        return mirrored != null && java.util.Arrays.equals(own, mirrored);
    }

    /**
     * Speaks {@code ssml} from a fresh load on {@code data}, putting the voice's file into the mirror first if
     * asked; null when the voice is unknown there or its file could not be put in the mirror.
     */
    private short[] probe(EspeakSlot slot, Path data, String voice, String ssml, boolean addVoice) {
        if (lib.loadFresh(slot, data) != null) {
            return null;
        }
        if (slot.api.espeak_SetVoiceByName(voice) != 0 || addVoice && !lib.addToMirror(slot, voice)) {
            return null;
        }
        EspeakCollector c = new EspeakCollector(slot);
        return speak(slot, ssml, c) == 0 ? c.pcm() : null;
    }
}
