package io.rawi.source;

import io.rawi.book.Language;
import io.rawi.internal.JsonReader;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the page says about itself. */
record PageMeta(Optional<String> title, List<String> authors, Optional<String> date, Optional<Language> language,
                    Optional<String> description, Optional<String> site) {
    static PageMeta of(Document doc, List<String> jsonLd, List<String> notes, String location) {
        Map<String, String> ld = jsonLd(jsonLd, notes, location);
        Set<String> authors = new LinkedHashSet<>();
        if (ld.containsKey("author")) {
            for (String a : ld.get("author").split("\n")) {
                if (!a.isBlank()) {
                    authors.add(a.strip());
                }
            }
        }
        for (Element m : doc.select("meta[name=author], meta[property=article:author], meta[name=byl]")) {
            String a = m.attr("content").strip().replaceFirst("(?i)^by\\s+", "");
            if (!a.isEmpty() && !a.matches("(?i)https?://.*")) {
                authors.add(a);
            }
        }
        Optional<String> title = first(ld.get("headline"), meta(doc, "og:title"), meta(doc, "twitter:title"),
                siteless(doc.title()));
        Optional<String> date = first(ld.get("datePublished"), meta(doc, "article:published_time"),
                meta(doc, "date"), meta(doc, "dc.date"))
                .map(d -> d.length() >= 10 && d.substring(0, 10).matches("\\d{4}-\\d{2}-\\d{2}") ? d.substring(0, 10) : d);
        Element html = doc.selectFirst("html");
        String lang = html == null ? "" : html.attr("lang").isBlank() ? html.attr("xml:lang") : html.attr("lang");
        Optional<Language> language = first(lang, ld.get("inLanguage"), meta(doc, "og:locale"))
                .flatMap(Language::declared);
        return new PageMeta(title, List.copyOf(authors), date, language,
                first(ld.get("description"), meta(doc, "og:description"), meta(doc, "description")),
                first(ld.get("publisher"), meta(doc, "og:site_name")));
    }

    private static String meta(Document doc, String name) {
        Element m = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "]");
        return m == null ? null : m.attr("content");
    }

    /** "Headline – Site" → "Headline", when the page title carries the site's name. */
    private static String siteless(String title) {
        String[] parts = title.split("\\s+[|–—-]\\s+|\\s+::\\s+");
        String best = parts[0];
        for (String p : parts) {
            if (p.strip().split("\\s+").length > best.strip().split("\\s+").length) {
                best = p;
            }
        }
        return best.strip();
    }

    private static Optional<String> first(String... values) {
        for (String v : values) {
            if (v != null && !HtmlReader.collapse(v).isEmpty()) {
                return Optional.of(HtmlReader.collapse(v));
            }
        }
        return Optional.empty();
    }

    /** The article's fields from JSON-LD: headline, author (one per line), datePublished, … */
    private static Map<String, String> jsonLd(List<String> scripts, List<String> notes, String location) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String script : scripts) {
            Object value;
            try {
                value = JsonReader.value(script.strip());
            } catch (IllegalArgumentException e) {
                notes.add(location + ": unreadable JSON-LD ignored (" + e.getMessage() + ")");
                continue;
            }
            collect(value, out, 0);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object value, Map<String, String> out, int depth) {
        if (depth > 8) {
            return;
        }
        if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, out, depth + 1));
            return;
        }
        if (!(value instanceof Map)) {
            return;
        }
        Map<String, Object> m = (Map<String, Object>) value;
        if (m.get("@graph") != null) {
            collect(m.get("@graph"), out, depth + 1);
        }
        String type = String.valueOf(m.get("@type"));
        if (!type.matches("(?i).*(Article|BlogPosting|Report|NewsArticle|WebPage).*")) {
            return;
        }
        boolean article = !type.contains("WebPage");
        for (String key : List.of("headline", "datePublished", "description", "inLanguage")) {
            if (m.get(key) instanceof String s && (article || !out.containsKey(key))) {
                out.put(key, s);
            }
        }
        if (m.get("author") != null) {
            out.put("author", names(m.get("author")));
        }
        if (m.get("publisher") != null) {
            String p = names(m.get("publisher"));
            if (!p.isBlank()) {
                out.put("publisher", p.split("\n")[0]);
            }
        }
    }

    private static String names(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Map<?, ?> m && m.get("name") instanceof String s) {
            return s;
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder();
            l.forEach(x -> sb.append(names(x)).append('\n'));
            return sb.toString();
        }
        return "";
    }
}
