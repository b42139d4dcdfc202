/**
 * Speech: the provider interface (one provider per backend, found with {@link java.util.ServiceLoader}), the voices
 * defined in {@code voices/}, and the backends rawi ships: eSpeak NG (in process or as a program), FreeTTS, and any
 * external program. This package knows nothing of EPUB.
 */
package io.rawi.speech;
