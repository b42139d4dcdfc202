package io.rawi.device;

import java.nio.file.Path;

/**
 * A mounted reader (or a plain folder) that books can be copied to.
 *
 * @param kind  what it is
 * @param root  its mount point
 * @param books where books go on it
 */
public record Device(Kind kind, Path root, Path books) {
    /** The readers rawi knows. */
    public enum Kind {
        KOBO("Kobo"), KINDLE("Kindle"), POCKETBOOK("PocketBook"), VICTOR("Victor Reader Stream"), FOLDER("folder");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
