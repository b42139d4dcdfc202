package io.rawi.book;

import java.util.Optional;

/**
 * An image taken from an input, to be embedded in the book.
 *
 * @param name      a file name safe for the EPUB ({@code image-001.png})
 * @param mediaType a core media type: {@code image/png}, {@code image/jpeg}, {@code image/gif}, {@code image/webp}
 *                  (SVG is never taken: it can carry scripts)
 * @param bytes     the image file
 * @param alt       its text alternative; empty when the input gave none, {@code ""} when the input marked it decorative
 * @param origin    where it came from, for messages
 */
public record Image(String name, String mediaType, byte[] bytes, Optional<String> alt, String origin) {
    /** The media type of an image file from its first bytes, when it is one an EPUB may carry. */
    public static Optional<String> sniff(byte[] b) {
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of("image/png");
        }
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return Optional.of("image/gif");
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    /** The file extension for a media type from {@link #sniff}. */
    public static String extension(String mediaType) {
        return switch (mediaType) {
            case "image/png" -> "png";
            case "image/jpeg" -> "jpg";
            case "image/gif" -> "gif";
            case "image/webp" -> "webp";
            default -> throw new IllegalArgumentException(mediaType);
        };
    }
}
