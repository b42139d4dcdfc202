package io.rawi.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What belongs to the process rather than to one conversion, one instance of each type, made on first use: a native
 * library loaded in process keeps global state of its own, which every conversion, provider and thread of the process
 * shares whatever rawi does. This is where rawi keeps such state, so that it is in one place and named.
 */
public final class ProcessWide {
    private static final Map<Class<?>, Object> INSTANCES = new ConcurrentHashMap<>();

    private ProcessWide() {
    }

    /** The process's instance of {@code type}, made by {@code make} the first time it is asked for. */
    public static <T> T of(Class<T> type, Supplier<T> make) {
        return type.cast(INSTANCES.computeIfAbsent(type, t -> make.get()));
    }
}
