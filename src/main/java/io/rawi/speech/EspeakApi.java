package io.rawi.speech;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The part of libespeak-ng's C API ({@code speak_lib.h}) that rawi calls, through JNA, with its constants and the
 * layout of {@code espeak_EVENT}, read by offset in the synthesis callback (a JNA {@code Structure} per event would
 * read every field by reflection): {@code type} (int) at 0, {@code unique_identifier} at 4, {@code text_position}
 * (int) at 8, {@code length} at 12, {@code audio_position} at 16, {@code sample} (int) at 20, {@code user_data} (a
 * pointer) at 24, then the {@code id} union (a number, or a mark's name as a pointer); the array ends with an event
 * of type 0.
 */
interface EspeakApi extends Library {
    /** {@code AUDIO_OUTPUT_SYNCHRONOUS}: samples come to the callback, and {@code espeak_Synth} returns at the end. */
    int AUDIO_OUTPUT_SYNCHRONOUS = 2;
    /** {@code espeakCHARS_UTF8}: the text is UTF-8. */
    int CHARS_UTF8 = 1;
    /** {@code espeakSSML}: the text is SSML. */
    int SSML = 0x10;
    /** Event types: {@code espeakEVENT_WORD}, {@code espeakEVENT_MARK}. */
    int EVENT_WORD = 1;
    int EVENT_MARK = 3;
    /** Where an event's {@code id} union is, and an event's size (see above). */
    int ID_OFFSET = 24 + Native.POINTER_SIZE;
    int EVENT_SIZE = 24 + 2 * Native.POINTER_SIZE;
    /** {@code espeak_PARAMETER}: {@code espeakRATE}, {@code espeakVOLUME}, {@code espeakPITCH}. */
    int RATE = 1;
    int VOLUME = 2;
    int PITCH = 3;

    int espeak_Initialize(int output, int buflength, String path, int options);

    void espeak_SetSynthCallback(SynthCallback callback);

    int espeak_SetVoiceByName(String name);

    int espeak_SetParameter(int parameter, int value, int relative);

    int espeak_Synth(Pointer text, NativeLong size, int position, int positionType, int endPosition, int flags,
                     Pointer uniqueIdentifier, Pointer userData);

    String espeak_Info(PointerByReference pathData);

    Pointer espeak_GetCurrentVoice();

    Pointer espeak_TextToPhonemes(PointerByReference textptr, int textmode, int phonememode);

    int espeak_Terminate();

    /** Receives samples and events during {@code espeak_Synth}; returns 1 to stop the synthesis. */
    interface SynthCallback extends Callback {
    int invoke(Pointer wav, int samples, Pointer events);
    }
}
