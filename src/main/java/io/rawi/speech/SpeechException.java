package io.rawi.speech;

import io.rawi.error.ProcessingException;

/** A speech backend failed: it crashed, hung, produced no audio, or cannot speak what was asked. Exit code 1. */
public class SpeechException extends ProcessingException {
    private static final long serialVersionUID = 1L;

    public SpeechException(String message) {
        super(message);
    }

    public SpeechException(String message, Throwable cause) {
        super(message, cause);
    }
}
