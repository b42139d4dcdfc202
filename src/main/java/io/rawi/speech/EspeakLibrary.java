package io.rawi.speech;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code libespeak-ng}, called in process through JNA. The library keeps global state, so one synthesis runs at a
 * time in a process; {@link #synthesize} serialises callers. Positions come from the engine's own {@code <mark>}
 * events, so they are exact to the sample. {@code -Drawi.espeak.library=NAME} loads another build of the library.
 *
 * <p>The engine carries state from one utterance to the next (the same text spoken twice in a row does not give the
 * same samples), so callers that need reproducible output speak paragraphs in a fixed order.
 */
final class EspeakLibrary {
    private static final int AUDIO_OUTPUT_SYNCHRONOUS = 2;
    private static final int CHARS_UTF8 = 1;
    private static final int SSML = 0x10;
    private static final int EVENT_WORD = 1;
    private static final int EVENT_MARK = 3;
    private static final int ID_OFFSET = 24 + Native.POINTER_SIZE;
    private static final int EVENT_SIZE = 24 + 2 * Native.POINTER_SIZE;
    private static final int RATE = 1;
    private static final int VOLUME = 2;
    private static final int PITCH = 3;

    interface Api extends Library {
        int espeak_Initialize(int output, int buflength, String path, int options);

        void espeak_SetSynthCallback(SynthCallback callback);

        int espeak_SetVoiceByName(String name);

        int espeak_SetParameter(int parameter, int value, int relative);

        int espeak_Synth(Pointer text, NativeLong size, int position, int positionType, int endPosition, int flags,
                         Pointer uniqueIdentifier, Pointer userData);

        String espeak_Info(Pointer pathData);

        int espeak_Terminate();
    }

    interface SynthCallback extends Callback {
        int invoke(Pointer wav, int samples, Pointer events);
    }

    /** A named position reported by the engine, in samples from the start. */
    record MarkEvent(String name, long sample) {
    }

    /** The start of a word: its 1-based character position in the input, and its first sample. */
    record WordEvent(int textPosition, long sample) {
    }

    /** What one synthesis produced. */
    record Result(short[] pcm, List<MarkEvent> marks, List<WordEvent> words) {
    }

    /** Audio per callback: long, so that a paragraph takes a few calls from C into Java rather than hundreds. */
    private static final int BUFFER_MS = 2000;
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static Api api;
    /** Whether the loaded library has spoken: it then carries state from what it spoke (see {@link #fresh}). */
    private static boolean used;
    private static int sampleRate;
    private static String version;
    private static String loadError;
    private static SynthCallback callback;
    private static Collector current;

    private EspeakLibrary() {
    }

    private static final class Collector {
        final List<short[]> chunks = new ArrayList<>();
        final List<MarkEvent> marks = new ArrayList<>();
        final List<WordEvent> words = new ArrayList<>();
        long samples;
        volatile boolean abort;
    }

    /** Loads and initialises the library once; returns null when it is available, else why not. */
    static synchronized String load() {
        if (api != null || loadError != null) {
            return loadError;
        }
        try {
            Api lib = Native.load(System.getProperty("rawi.espeak.library", "espeak-ng"), Api.class);
            int rate = lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, BUFFER_MS, null, 0x8000);
            if (rate <= 0) {
                loadError = "libespeak-ng was found but could not initialise (no espeak-ng-data?)";
                return loadError;
            }
            callback = EspeakLibrary::onAudio;
            lib.espeak_SetSynthCallback(callback);
            version = "libespeak-ng " + lib.espeak_Info(null);
            sampleRate = rate;
            api = lib;
            return null;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            loadError = "libespeak-ng cannot be loaded (no library '"
                    + System.getProperty("rawi.espeak.library", "espeak-ng") + "' found)";
            return loadError;
        }
    }

    /**
     * Unloads the library if it has spoken, so that the next {@link #load} starts from nothing. libespeak-ng keeps
     * state from one utterance to the next (pauses and waveform phase; not the C library's random numbers: seeding
     * them changes nothing), and neither {@code espeak_Initialize} nor anything else in its API resets it; a fresh
     * load does. rawi speaks each book's paragraphs in order from a fresh load, so a book does not depend on what the
     * process spoke before it (the background server converts many books). Waits for a synthesis under way.
     */
    static void fresh() {
        LOCK.lock();
        try {
            synchronized (EspeakLibrary.class) {
                if (api == null || !used) {
                    return;
                }
                api.espeak_Terminate(); // frees its buffers, which unloading would not
                ((Library.Handler) java.lang.reflect.Proxy.getInvocationHandler(api)).getNativeLibrary().dispose();
                api = null;
                used = false;
            }
        } finally {
            LOCK.unlock();
        }
    }

    static String version() {
        return version;
    }

    static int sampleRate() {
        return sampleRate;
    }

    private static int onAudio(Pointer wav, int samples, Pointer events) {
        Collector c = current;
        if (c == null) {
            return 1;
        }
        if (events != null) {
            for (int i = 0; ; i++) {
                Pointer e = events.share((long) i * EVENT_SIZE);
                int type = e.getInt(0);
                if (type == 0) {
                    break;
                }
                long sample = e.getInt(20);
                if (type == EVENT_MARK) {
                    Pointer name = e.getPointer(ID_OFFSET);
                    if (name != null) {
                        c.marks.add(new MarkEvent(name.getString(0, "UTF-8"), sample));
                    }
                } else if (type == EVENT_WORD) {
                    c.words.add(new WordEvent(e.getInt(8), sample));
                }
            }
        }
        if (wav != null && samples > 0) {
            c.chunks.add(wav.getShortArray(0, samples));
            c.samples += samples;
        }
        return c.abort ? 1 : 0;
    }

    /**
     * Speaks SSML with the given voice settings. The caller's timeout aborts synthesis from the callback.
     *
     * @return the audio and the marks, or null if the voice name is unknown
     */
    static Result synthesize(String voice, int wpm, int pitch, int volume, String ssml, long timeoutMillis,
                             String what) throws SpeechException {
        LOCK.lock();
        try {
            String error = load(); // again after fresh()
            if (error != null) {
                throw new SpeechException(what + ": " + error);
            }
            used = true;
            if (api.espeak_SetVoiceByName(voice) != 0) {
                throw new SpeechException(what + ": eSpeak NG has no voice '" + voice + "' (see espeak-ng --voices)");
            }
            api.espeak_SetParameter(RATE, wpm, 0);
            api.espeak_SetParameter(PITCH, pitch, 0);
            api.espeak_SetParameter(VOLUME, volume, 0);
            byte[] utf8 = ssml.getBytes(StandardCharsets.UTF_8);
            Memory text = new Memory(utf8.length + 1L);
            text.write(0, utf8, 0, utf8.length);
            text.setByte(utf8.length, (byte) 0);
            Collector c = new Collector();
            current = c;
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
                status = api.espeak_Synth(text, new NativeLong(utf8.length + 1L), 0, 1, 0, CHARS_UTF8 | SSML, null, null);
            } finally {
                watchdog.interrupt();
                current = null;
            }
            if (c.abort) {
                throw new SpeechException(what + ": eSpeak NG did not finish within " + timeoutMillis / 1000
                        + " s and was stopped");
            }
            if (status != 0) {
                throw new SpeechException(what + ": eSpeak NG failed (espeak_Synth returned " + status + ")");
            }
            short[] pcm = new short[(int) c.samples];
            int at = 0;
            for (short[] chunk : c.chunks) {
                System.arraycopy(chunk, 0, pcm, at, chunk.length);
                at += chunk.length;
            }
            return new Result(pcm, c.marks, c.words);
        } finally {
            LOCK.unlock();
        }
    }
}
