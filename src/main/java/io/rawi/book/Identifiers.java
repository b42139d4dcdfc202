package io.rawi.book;


import java.nio.charset.StandardCharsets;
import java.util.UUID;

import java.util.regex.Pattern;

/** A book's unique identifier, as {@code dc:identifier} holds it: a URN, {@code urn:uuid:…} when rawi makes it. */
public final class Identifiers {
    private static final Pattern BARE_UUID =
            Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Identifiers() {
    }

    /** {@code id} as given, or as {@code urn:uuid:…} when it is a bare UUID. */
    public static String urn(String id) {
        return BARE_UUID.matcher(id).matches() ? "urn:uuid:" + id : id;
    }

    /**
     * The identifier of a book that names none: a name-based UUID of its language, title and (for an article) text,
     * so that converting the same input again gives the same identifier, and a reading system sees the same book.
     *
     * @param text the article's text, or {@code null} for a book whose own package gave no identifier
     */
    public static String derived(Language language, String title, CharSequence text) {
        String name = "rawi\n" + language.tag() + "\n" + title + (text == null ? "" : "\n" + text);
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
