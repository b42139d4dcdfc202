package io.rawi.internal;

/**
 * A value made on first use and kept for the life of the process, such as files extracted from the jar. Making it
 * may fail; it is then tried again at the next use, and the failure is the caller's to report. Thread-safe: the value
 * is made once, whoever asks first.
 *
 * <pre>{@code
 * private static final Once<Path> SCHEMAS = new Once<>(Validator::extractSchemas);
 * Path dir = SCHEMAS.get();
 * }</pre>
 */
public final class Once<T> {
    /** Makes the value. */
    @FunctionalInterface
    public interface Maker<T> {
        T make() throws Exception;
    }

    private final Maker<T> maker;
    private volatile T value;

    public Once(Maker<T> maker) {
        this.maker = maker;
    }

    /** The value, made now if it has not been yet. */
    public T get() throws Exception {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = maker.make();
                    value = v;
                }
            }
        }
        return v;
    }
}
