package io.rawi.error;

/**
 * A failure that rawi explains to its user in one line. The message names the file, paragraph or backend concerned
 * and, where it helps, what to do next; {@link #exitCode()} is what the command line returns for it.
 */
public abstract class RawiException extends Exception {
    private static final long serialVersionUID = 1L;

    protected RawiException(String message) {
        super(message);
    }

    protected RawiException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The process exit code: 2 for bad usage or input, 1 for a failure while working. */
    public abstract int exitCode();
}
