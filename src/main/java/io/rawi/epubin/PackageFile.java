package io.rawi.epubin;

import io.rawi.error.BadInputException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What rawi needs to know of a package document before reading the book: where it is, its EPUB version, which
 * documents have media overlays of their own; and that every spine item is a file inside the book.
 *
 * @param path     the package document's path in the container
 * @param epub3    whether it is EPUB 3 ({@code version="3.x"})
 * @param overlaid hrefs (relative to the package document) of the items with a {@code media-overlay}
 * @param nav      the href of the EPUB 3 navigation document, if there is one
 */
record PackageFile(String path, boolean epub3, Set<String> overlaid, java.util.Optional<String> nav) {
    /** Reads it from the container's entries; a spine item that is missing or outside the book is an input error. */
    static PackageFile read(String location, Map<String, byte[]> entries) throws BadInputException {
        byte[] container = entries.get("META-INF/container.xml");
        Element rootfile = xml(container).selectFirst("rootfile[full-path]");
        if (rootfile == null) {
            throw new BadInputException(location + ": META-INF/container.xml names no package document");
        }
        String path = rootfile.attr("full-path");
        byte[] bytes = entries.get(path);
        if (bytes == null) {
            throw new BadInputException(location + ": the package document " + path
                    + " that META-INF/container.xml names is not in the book");
        }
        Document opf = xml(bytes);
        Element pkg = opf.selectFirst("package");
        boolean epub3 = pkg != null && pkg.attr("version").strip().startsWith("3");
        String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        Map<String, Element> items = new HashMap<>();
        Set<String> overlaid = new HashSet<>();
        for (Element item : opf.select("manifest > item")) {
            items.put(item.attr("id"), item);
            if (!item.attr("media-overlay").isBlank()) {
                overlaid.add(item.attr("href"));
            }
        }
        for (Element ref : opf.select("spine > itemref")) {
            Element item = items.get(ref.attr("idref"));
            if (item == null) {
                throw new BadInputException(location + ": the spine names '" + ref.attr("idref")
                        + "', which the manifest does not list");
            }
            String href = item.attr("href");
            String target = inside(folder, href);
            if (target == null) {
                throw new BadInputException(location + ": spine item " + href + " points outside the book");
            }
            if (!entries.containsKey(target)) {
                throw new BadInputException(location + ": spine item " + href + " is missing from the book ("
                        + target + ")");
            }
        }
        java.util.Optional<String> nav = java.util.Optional.empty();
        for (Element item : opf.select("*")) {
            if (nav.isEmpty() && item.tagName().endsWith("item")
                    && item.attr("properties").matches("(^|.*\\s)nav(\\s.*|$)")) {
                nav = java.util.Optional.of(item.attr("href"));
            }
        }
        return new PackageFile(path, epub3, overlaid, nav);
    }

    /** The container path of {@code href} in {@code folder}, or null for a URL or a path that leaves the book. */
    static String inside(String folder, String href) {
        if (href.isBlank() || href.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || href.startsWith("/")) {
            return null;
        }
        String path = URLDecoder.decode(href.split("#", 2)[0].replace("+", "%2B"), StandardCharsets.UTF_8);
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String part : (folder + path).split("/")) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    private static Document xml(byte[] bytes) {
        return Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), "", Parser.xmlParser());
    }
}
