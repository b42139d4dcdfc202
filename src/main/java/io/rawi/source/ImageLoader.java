package io.rawi.source;

import io.rawi.book.Image;
import io.rawi.error.RawiException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Loads the images an article refers to: {@code data:} URIs, {@code http(s)} URLs, and, for a local input only, files
 * relative to its folder. {@code file:} URLs, other schemes and SVG (which can carry scripts) are never loaded. Each
 * image that cannot be embedded is reported in {@code notes} and left out.
 */
final class ImageLoader {
    static final long MAX_IMAGE_BYTES = 10L << 20;
    private final Optional<Path> folder;
    private final Optional<URI> base;
    private final Fetcher fetcher;
    private final List<String> notes;
    private final String location;

    /**
     * @param folder the local input's folder, for relative paths; empty for a fetched page
     * @param base   the page's URL (or its {@code <base href>}), for relative URLs
     */
    ImageLoader(String location, Optional<Path> folder, Optional<URI> base, Fetcher fetcher, List<String> notes) {
        this.location = location;
        this.folder = folder;
        this.base = base;
        this.fetcher = fetcher;
        this.notes = notes;
    }

    /** The image at {@code src} with its text alternative, or empty (and a note) when it cannot be embedded. */
    Optional<Image> load(String src, Optional<String> alt) {
        String s = src == null ? "" : src.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = bytes(s);
            if (bytes == null) {
                return Optional.empty();
            }
            Optional<String> type = Image.sniff(bytes);
            if (type.isEmpty()) {
                notes.add(location + ": image " + shortName(s) + " left out: not a PNG, JPEG, GIF or WebP image");
                return Optional.empty();
            }
            return Optional.of(new Image("image." + Image.extension(type.get()), type.get(), bytes,
                    alt.map(String::strip), shortName(s)));
        } catch (RawiException e) {
            notes.add(location + ": image left out: " + e.getMessage());
            return Optional.empty();
        }
    }

    private byte[] bytes(String s) throws RawiException {
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:")) {
            int comma = s.indexOf(',');
            if (comma < 0 || !lower.substring(0, comma).endsWith(";base64")) {
                notes.add(location + ": an inline image left out: only base64 data: URIs are read");
                return null;
            }
            String data = s.substring(comma + 1).replaceAll("\\s", "");
            if (data.length() / 4 * 3 > MAX_IMAGE_BYTES) {
                notes.add(location + ": an inline image left out: larger than " + (MAX_IMAGE_BYTES >> 20) + " MiB");
                return null;
            }
            try {
                return Base64.getDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                notes.add(location + ": an inline image left out: its base64 data is damaged");
                return null;
            }
        }
        if (Fetcher.isUrl(s)) {
            return fetcher.fetch(s, MAX_IMAGE_BYTES).body();
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*:.*")) {
            notes.add(location + ": image " + shortName(s) + " left out: only http, https and data: images are read");
            return null;
        }
        if (base.isPresent()) {
            URI resolved = base.get().resolve(s.replace(" ", "%20"));
            if (!Fetcher.isUrl(resolved.toString())) {
                notes.add(location + ": image " + shortName(s) + " left out: it is not on the web");
                return null;
            }
            return fetcher.fetch(resolved.toString(), MAX_IMAGE_BYTES).body();
        }
        if (folder.isPresent()) {
            String path = s.split("[?#]", 2)[0];
            try {
                path = java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException ignored) {
                // keep it as written
            }
            Path file = folder.get().resolve(path).normalize();
            if (!Files.isRegularFile(file)) {
                notes.add(location + ": image " + shortName(s) + " left out: no such file " + file);
                return null;
            }
            // a saved page may embed only images from its own folder tree, links resolved: an absolute path, ../ or
            // a symbolic link leading out could pull any private file on the disk into a book that gets shared
            try {
                Path root = folder.get().toRealPath();
                if (path.startsWith("/") || !file.toRealPath().startsWith(root)) {
                    notes.add(location + ": image " + shortName(s) + " left out: it is outside the page's folder");
                    return null;
                }
            } catch (IOException e) {
                notes.add(location + ": image " + shortName(s) + " left out: cannot be read");
                return null;
            }
            try {
                if (Files.size(file) > MAX_IMAGE_BYTES) {
                    notes.add(location + ": image " + file + " left out: larger than " + (MAX_IMAGE_BYTES >> 20) + " MiB");
                    return null;
                }
                return Files.readAllBytes(file);
            } catch (IOException e) {
                notes.add(location + ": image " + file + " left out: cannot be read");
                return null;
            }
        }
        notes.add(location + ": image " + shortName(s) + " left out: a relative address with nothing to resolve it");
        return null;
    }

    private static String shortName(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "…" : s;
    }
}
