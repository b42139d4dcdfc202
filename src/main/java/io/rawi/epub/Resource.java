package io.rawi.epub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * A file of the publication, as listed in the manifest.
 *
 * @param id           the manifest id
 * @param href         the path relative to the package document ({@code text/chapter-001.xhtml})
 * @param mediaType    the media type, a core media type
 * @param properties   manifest properties ({@code nav}, {@code cover-image}, …)
 * @param mediaOverlay the id of the SMIL item that narrates this one, or null
 * @param content      the bytes, written on demand so that audio streams from disk
 */
public record Resource(String id, String href, String mediaType, Set<String> properties, String mediaOverlay,
                       Content content) {
    public Resource {
        properties = Set.copyOf(properties);
    }

    /** Writes a resource's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;

        static Content of(byte[] bytes) {
            return out -> out.write(bytes);
        }

        /**
         * A file, read when written; {@code crc} is its CRC-32 when known (computed as the file was made, which
         * spares reading it for that), else -1.
         */
        static Content of(Path file, long crc) {
            return new FileContent(file, crc);
        }
    }

    /**
     * A file's bytes, read when written: a stored entry copies it straight into the container.
     *
     * @param crc its CRC-32, or -1 to compute it from the file
     */
    public record FileContent(Path file, long crc) implements Content {
        @Override
        public void writeTo(OutputStream out) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            }
        }
    }

    /** This resource, narrated by the overlay with manifest id {@code smilId}. */
    public Resource withMediaOverlay(String smilId) {
        return new Resource(id, href, mediaType, properties, smilId, content);
    }

    /** Whether a file of a book, by its name, is audio, video, a bitmap or a font: compressed already, so stored. */
    static boolean isMedia(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.matches(".*\\.(mp3|m4a|mp4|aac|ogg|oga|opus|webm|wav|png|jpe?g|gif|webp|woff2?|mov|m4v)$");
    }

    /** Whether the bytes are already compressed, so the zip should store them. */
    boolean compressed() {
        return mediaType.startsWith("audio/") || mediaType.startsWith("image/") && !mediaType.contains("svg");
    }
}
