package io.rawi.internal;

import io.rawi.error.ProcessingException;
import io.rawi.error.RawiException;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work done on another thread. */
public final class Futures {
    private Futures() {
    }

    /**
     * The result of {@code task}; its {@link RawiException} or out-of-memory error, if any, is rethrown as it was,
     * anything else is "{@code what} failed".
     */
    public static <T> T join(Future<T> task, String what) throws RawiException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RawiException re) {
                throw re;
            }
            if (e.getCause() instanceof OutOfMemoryError oom) {
                throw oom;
            }
            throw new ProcessingException(what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessingException(what + " was interrupted");
        }
    }
}
