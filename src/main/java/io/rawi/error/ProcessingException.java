package io.rawi.error;

/** Work failed on good input: an I/O fault, a speech backend that crashed or hung; exit code 1. */
public class ProcessingException extends RawiException {
    private static final long serialVersionUID = 1L;

    public ProcessingException(String message) {
        super(message);
    }

    public ProcessingException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
