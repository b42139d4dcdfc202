package io.rawi.speech;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.ptr.PointerByReference;
import io.rawi.internal.Folders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code libespeak-ng}, called in process through JNA. The library keeps global state, so one synthesis runs at a
 * time in each loaded copy; {@link #synthesize} takes a free one. Positions come from the engine's own {@code <mark>}
 * events, so they are exact to the sample. {@code -Drawi.espeak.library=NAME} loads another build of the library.
 *
 * <p>The engine carries state from one utterance to the next (the same text spoken twice in a row does not give the
 * same samples), and nothing in its API resets it; a fresh load of the library does. So every synthesis here starts
 * from a fresh load: a paragraph's audio depends on nothing spoken before it.
 *
 * <p>A fresh load would cost most of its time in eSpeak NG reading every one of its 300-odd voice files to find
 * the voice by name (SSML asks for it again). So the library is started on a folder of its own for this process
 * ({@link EspeakDataFolder}: links to eSpeak NG's data, and copies of only the voice files rawi has used), and the
 * libraries libespeak-ng brings in stay loaded ({@link PinnedLibraries}); a fresh load then costs a tenth of that
 * (docs/BENCHMARKS.md). It speaks the same samples: each voice and language is probed once from both folders
 * ({@link EspeakSpeaker}), and a test holds every eSpeak NG voice of {@code voices/} to the real folder's samples.
 * {@code -Drawi.espeak.mirror=false} always starts on the real folder.
 *
 * <p>Since every synthesis starts from a fresh load, nothing ties one paragraph to another, and syntheses run side by
 * side: there is one {@link EspeakSlot} per core, each its own copy of the library's file, loaded with
 * {@code RTLD_DEEPBIND} so that each copy keeps to its own functions and global state (on Linux; elsewhere, and with
 * {@code -Drawi.espeak.slots=1}, one slot). Each slot speaks the same samples as one alone.
 *
 * <p>One instance per process, {@link EspeakProvider#library()}: the loaded copies and the data folder belong to the
 * process. Its state (the slots, the folders, the library's file, what the probes found) is guarded by the instance
 * (the pool of slots, {@link EspeakSlots}, shares its monitor); a slot's synthesis by the slot's lock.
 */
final class EspeakLibrary {
    /** A named position reported by the engine, in samples from the start. */
    record MarkEvent(String name, long sample) {
    }

    /** The start of a word: its 1-based character position in the input, and its first sample. */
    record WordEvent(int textPosition, long sample) {
    }

    /** What one synthesis produced, and the phonemes of the words asked for (eSpeak NG's ASCII, as {@code -x}). */
    record Result(short[] pcm, List<MarkEvent> marks, List<WordEvent> words, Map<String, String> phonemes) {
    }

    /** Audio per callback: long, so that a paragraph takes a few calls from C into Java rather than hundreds. */
    private static final int BUFFER_MS = 2000;
    /** {@code dlopen}'s flags for a slot's copy: lazy binding, its own symbols first (RTLD_LAZY | RTLD_DEEPBIND). */
    private static final int OPEN_FLAGS = 0x1 | 0x8;
    /** The library's file, once found: later loads skip the search for it, and slots copy it. */
    private String file;
    /** The folder of this process's copies of the library's file (one per slot after the first), made on first use. */
    private Path copies;
    /** This process's folder holding an {@code espeak-ng-data} for eSpeak NG (see the class comment), or null. */
    private final EspeakDataFolder mirror = new EspeakDataFolder(this::removeMirror);
    /** libespeak-ng's own dependencies, kept loaded. */
    private final PinnedLibraries pinned = new PinnedLibraries();
    private int sampleRate;
    private String version;
    private String loadError;
    /** The slots: the first is made when the library is first loaded, the others when two syntheses overlap. */
    private final EspeakSlots slots = new EspeakSlots(this, Math.max(1, Math.min(64,
            com.sun.jna.Platform.isLinux() ? Integer.getInteger("rawi.espeak.slots",
                    Runtime.getRuntime().availableProcessors()) : 1)));

    EspeakLibrary() {
    }

    /**
     * The file {@code slot} loads: the library's own for the first, a copy of it for the others (the copies' folder
     * is made once, the library held, so that two slots loading at once share it).
     */
    private synchronized String libraryFile(EspeakSlot slot) throws IOException {
        if (slot.index == 0 || file == null) {
            return file;
        }
        if (copies == null) {
            copies = EspeakDataFolder.processFolder("rawi-espeak-copies-cleanup", Folders::deleteTree);
        }
        Path copy = copies.resolve("libespeak-ng-" + slot.index + ".so");
        if (!Files.exists(copy)) {
            Files.copy(Path.of(file), copy);
        }
        return copy.toString();
    }



    /**
     * Loads and initialises the library (on this process's data folder if it has one) unless it is loaded; returns
     * null when it is available, else why not.
     */
    String load() {
        EspeakSlot first = slots.slot(0);
        first.lock.lock();
        try {
            return load(first, mirror.root());
        } finally {
            first.lock.unlock();
        }
    }

    /**
     * Forgets the library's file and removes the copies made of it (the caller holds the class): the next load finds
     * the library by name, and the slots copy the new file.
     */
    private void forget() {
        file = null;
        if (copies != null) {
            Folders.deleteTree(copies);
            copies = null;
        }
    }

    /**
     * Loads and initialises the library in {@code slot} on {@code data} (null: eSpeak NG's own folder), unless loaded
     * already. The caller holds the slot's lock.
     */
    private String load(EspeakSlot slot, Path data) {
        synchronized (this) {
            if (slot.api != null || loadError != null) {
                return loadError;
            }
            if (file != null && !Files.isRegularFile(Path.of(file))) {
                forget(); // eSpeak NG upgraded under a long-running background server: found again by name
            }
            if (slot.index > 0 && file == null) { // acquire() gives only the first slot then
                return "libespeak-ng's file is not known: it cannot be copied for another slot";
            }
        }
        try {
            java.util.Set<String> before = file == null ? PinnedLibraries.mapped() : null;
            EspeakApi lib;
            try {
                String name = libraryFile(slot);
                lib = name == null
                        ? io.rawi.internal.NativeStart.load(System.getProperty("rawi.espeak.library", "espeak-ng"),
                                System.getProperty("rawi.espeak.library") == null ? "libespeak-ng.so.1" : null,
                                EspeakApi.class)
                        : Native.load(name, EspeakApi.class, Map.of(Library.OPTION_OPEN_FLAGS,
                                com.sun.jna.Platform.isLinux() ? OPEN_FLAGS : 1));
            } catch (UnsatisfiedLinkError | IOException e) {
                synchronized (this) {
                    if (file == null || slot.index > 0) {
                        if (e instanceof UnsatisfiedLinkError u && slot.index == 0) {
                            throw u;
                        }
                        return "libespeak-ng cannot be copied for another slot (" + e.getMessage() + ")";
                    }
                    forget(); // the file found before is gone (eSpeak NG upgraded under a background server)
                }
                return load(slot, data);
            }
            int rate = lib.espeak_Initialize(EspeakApi.AUDIO_OUTPUT_SYNCHRONOUS, BUFFER_MS,
                    data == null ? null : data.toString(), 0x8000);
            synchronized (this) {
                if (rate <= 0) {
                    if (slot.index == 0) {
                        loadError = "libespeak-ng was found but could not initialise (no espeak-ng-data?)";
                    }
                    return "libespeak-ng was found but could not initialise (no espeak-ng-data?)";
                }
                slot.callback = (wav, samples, events) -> EspeakCollector.onAudio(slot, wav, samples, events);
                lib.espeak_SetSynthCallback(slot.callback);
                version = "libespeak-ng " + lib.espeak_Info(new PointerByReference());
                sampleRate = rate;
                slot.api = lib;
                slot.startedOn = data;
                java.io.File found = nativeLibrary(lib).getFile();
                if (before != null && found != null && found.isFile()) {
                    file = found.getPath();
                    pinned.pin(before, found.toPath());
                }
            }
            return null;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            synchronized (this) {
                loadError = "libespeak-ng cannot be loaded (no library '"
                        + System.getProperty("rawi.espeak.library", "espeak-ng") + "' found)";
                return loadError;
            }
        }
    }

    /**
     * Unloads the library in every slot that has spoken, so that the next {@link #load} starts from nothing: a
     * conversion's warm-up calls it and then loads the library, in the background, for the first paragraph.
     * libespeak-ng keeps state from one utterance to the next (pauses and waveform phase; not the C library's random
     * numbers: seeding them changes nothing), and neither {@code espeak_Initialize} nor anything else in its API resets
     * it; a fresh load does, which is why {@link #synthesize} too starts from one. Waits for syntheses under way.
     */
    void fresh() {
        slots.eachLocked(slot -> {
            if (slot.api != null && slot.used) {
                unload(slot);
            }
        });
    }

    /** Unloads the slot's library (its lock held). */
    private void unload(EspeakSlot slot) {
        slot.api.espeak_Terminate(); // frees its buffers, which unloading would not
        nativeLibrary(slot.api).close();
        slot.api = null;
        slot.used = false;
    }

    /**
     * Makes the slot's library one that has not spoken, started on {@code data} (null: eSpeak NG's own folder),
     * loading it afresh unless it already is one, and marks it as speaking now; returns null, else why it cannot load.
     * The caller holds the slot's lock.
     */
    String loadFresh(EspeakSlot slot, Path data) {
        if (slot.api != null && (slot.used || !java.util.Objects.equals(slot.startedOn, data))) {
            unload(slot);
        }
        String error = load(slot, data);
        slot.used = error == null;
        return error;
    }

    /** JNA's handle on the library behind {@code lib}. */
    private NativeLibrary nativeLibrary(EspeakApi lib) {
        return ((Library.Handler) java.lang.reflect.Proxy.getInvocationHandler(lib)).getNativeLibrary();
    }

    /** Puts the file of {@code voice}, just selected in {@code slot}, into this process's folder (see {@link #mirror}). */
    boolean addToMirror(EspeakSlot slot, String voice) {
        return mirror.addCurrent(slot, voice);
    }

    /**
     * At exit: removes this process's data folder once no synthesis is using it (no later one starts: the process is
     * stopping), so that a synthesis stopped by Ctrl-C ends as interrupted, not as an engine without its data.
     */
    private void removeMirror(Path root) {
        io.rawi.internal.Interruption.begin();
        List<EspeakSlot> locked = slots.lockAll(30_000_000_000L);
        try {
            Folders.deleteTree(root);
        } finally {
            locked.forEach(slot -> slot.lock.unlock());
        }
    }

    /** The library file remembered after the first load (null before it). */
    synchronized String libraryFile() {
        return file;
    }

    /** For tests: remember {@code path} as the library's file, as if eSpeak NG had been upgraded since it was found. */
    synchronized void rememberLibraryFile(String path) {
        file = path;
    }

    /** Speaks through this library's slots (see {@link EspeakSpeaker}). */
    private final EspeakSpeaker speaker = new EspeakSpeaker(this);

    /** This process's data folder, or null until a voice was put in it. */
    Path mirrorRoot() {
        return mirror.root();
    }

    /**
     * Speaks SSML with the given voice settings, from a fresh load of the library (see
     * {@link EspeakSpeaker#synthesize}).
     */
    Result synthesize(String voice, String lang, int wpm, int pitch, int volume, String ssml, long timeoutMillis,
                      String what, java.util.Collection<String> judge) throws SpeechException {
        return speaker.synthesize(voice, lang, wpm, pitch, volume, ssml, timeoutMillis, what, judge);
    }

    /** The voice and language pairs whose data folder has been judged, and whether rawi's speaks alike (a copy). */
    Map<String, Boolean> judgedFolders() {
        return speaker.judged();
    }

    String version() {
        return version;
    }

    int sampleRate() {
        return sampleRate;
    }

    /** A slot to speak with (see {@link EspeakSlots#acquire}); the library's file is found again if it is gone. */
    EspeakSlot acquire() throws SpeechException {
        return slots.acquire(() -> {
            if (file != null && !Files.isRegularFile(Path.of(file))) {
                forget(); // eSpeak NG upgraded: the first slot finds the new file by name
            }
            return file != null;
        });
    }

    void release(EspeakSlot slot) {
        slots.release(slot);
    }
}
