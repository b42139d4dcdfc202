/**
 * rawi turns articles into accessible, narrated EPUB 3 books. {@link io.rawi.Main} is the command; the packages
 * follow the data: {@code cli → pipeline → source, clean, book, speech, audio, epub, overlay, check, device}, and a
 * stage never depends on a later one.
 */
package io.rawi;
