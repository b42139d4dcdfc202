package io.rawi.device;

import io.rawi.error.RawiException;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a file's bytes to a stream. */
@FunctionalInterface
interface Content {
    void writeTo(OutputStream out) throws IOException, RawiException;
}
