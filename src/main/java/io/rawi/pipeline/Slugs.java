package io.rawi.pipeline;

import io.rawi.error.BadInputException;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;

/** Names for a book's folder and files that are safe on every file system and inside EPUB (ASCII, no spaces). */
final class Slugs {
    private static final int MAX = 60;

    private Slugs() {
    }

    /** A slug given by the user, refused (not rewritten) when it is not a plain name. */
    static String checked(String slug) throws BadInputException {
        if (!slug.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}") || slug.contains("..")) {
            throw new BadInputException("--slug '" + slug + "': use letters, digits, '.', '_' and '-' only, "
                    + "starting with a letter or digit (a name, not a path)");
        }
        return slug;
    }

    /** A slug from the title when it has Latin letters or digits, else from the input's file name. */
    static String of(String title, String input) {
        String fromTitle = title == null ? "" : slugify(title);
        if (!fromTitle.isEmpty()) {
            return fromTitle;
        }
        String[] segments = input.replaceFirst("[?#].*$", "").replaceAll("/+$", "").split("[/\\\\]");
        String name = segments[segments.length - 1].replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
        String fromName = slugify(name);
        return fromName.isEmpty() ? "book" : fromName;
    }

    static String slugify(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX) {
            slug = slug.substring(0, MAX).replaceAll("-+$", "");
        }
        return slug;
    }
}
