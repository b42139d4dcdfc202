package io.rawi.epubin;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ids and paths in a book being annotated. */
final class Ids {
    private static final Pattern ID = Pattern.compile("\\bid\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final String[] PREFIXES = {"p", "rp", "rawi-p", "rawi-q", "rawi-r"};

    private Ids() {
    }

    /**
     * The first paragraph-id prefix that none of the book's own ids uses with digits after it: {@code p} for most
     * books, another for a book rawi annotated before (its {@code p0001}…), so that ids stay unique.
     */
    static String freePrefix(Map<String, byte[]> entries) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (name.endsWith(".xhtml") || name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".svg")) {
                Matcher m = ID.matcher(new String(e.getValue(), StandardCharsets.UTF_8));
                while (m.find()) {
                    taken.add(m.group(1));
                }
            }
        }
        for (String prefix : PREFIXES) {
            Pattern used = Pattern.compile(Pattern.quote(prefix) + "\\d.*");
            if (taken.stream().noneMatch(id -> used.matcher(id).matches())) {
                return prefix;
            }
        }
        throw new IllegalStateException("every paragraph-id prefix is taken");
    }

    /** {@code base} made a valid id, with a number after it when {@code taken} has it already; then taken. */
    static String unique(String base, Map<String, String> taken) {
        String id = base.replaceAll("[^A-Za-z0-9._-]", "-");
        String candidate = id;
        for (int n = 2; taken.containsKey(candidate); n++) {
            candidate = id + "-" + n;
        }
        taken.put(candidate, "");
        return candidate;
    }
}
