package io.rawi.error;

/** The input (a file, an option, a voice definition) is unusable as given; exit code 2. */
public class BadInputException extends RawiException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
