package io.rawi.source;

import io.rawi.book.Image;
import io.rawi.book.Language;
import io.rawi.book.LanguageDetector;
import io.rawi.error.BadInputException;
import io.rawi.internal.JsonReader;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a web article: parses the page with jsoup, takes its metadata ({@code <html lang dir>}, {@code <title>},
 * {@code og:} and {@code article:} meta, JSON-LD), strips everything executable or hidden, finds the article with
 * {@link Readability}, and turns it into blocks: paragraphs, section headings, lists, block quotations and figures
 * whose images are embedded with their alt text. Only text and images leave this class: no markup from the page ever
 * reaches the book.
 */
public final class HtmlReader {
    /** Larger pages are refused. */
    public static final long MAX_BYTES = 32L << 20;
    private static final java.util.regex.Pattern BYLINE = java.util.regex.Pattern.compile(
            "(?i)^(by|posted by|written by|بقلم|كتب|كتبت|نوشته|نویسنده|نوشته‌ی)[\\s:：]+");
    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

    private final String location;
    private final ImageLoader images;
    private final List<String> notes;
    private int group;

    private HtmlReader(String location, ImageLoader images, List<String> notes) {
        this.location = location;
        this.images = images;
        this.notes = notes;
    }

    /**
     * Reads a page.
     *
     * @param location the file or URL, for messages
     * @param bytes    the page as served or saved
     * @param charset  the charset from the HTTP header, if any (else the page's own declaration, else UTF-8)
     * @param folder   a local page's folder, for its images
     * @param url      a fetched page's URL, for its images and links
     */
    public static SourceDocument read(String location, byte[] bytes, Optional<String> charset, Optional<Path> folder,
                                      Optional<URI> url, Fetcher fetcher) throws BadInputException {
        if (bytes.length > MAX_BYTES) {
            throw new BadInputException(location + ": a page of " + (bytes.length >> 20) + " MiB is larger than the limit of "
                    + (MAX_BYTES >> 20) + " MiB");
        }
        Charset cs = charset(bytes, charset);
        SourceDocument strict = null;
        BadInputException none = null;
        try {
            strict = parsed(location, bytes, cs, folder, url, fetcher, true);
            if (textLength(strict) >= SHORT) {
                return strict;
            }
        } catch (BadInputException e) {
            if (!e.getMessage().endsWith(NO_ARTICLE)) {
                throw e;
            }
            none = e;
        }
        // little or nothing was found: the article may sit in a container whose name reads as chrome; read the page
        // again judging by prose and links alone, and keep whichever found more. A page that names nothing (no class,
        // id or role, no nav, aside, header or footer) reads the same both ways: once is enough
        if (!namesAnything(bytes, cs)) {
            if (strict != null) {
                return strict;
            }
            throw none;
        }
        try {
            SourceDocument lenient = parsed(location, bytes, cs, folder, url, fetcher, false);
            return strict == null || textLength(lenient) > textLength(strict) ? lenient : strict;
        } catch (BadInputException e) {
            if (strict != null) {
                return strict;
            }
            throw none;
        }
    }

    /** Anything the first reading judges by name: a class, id or role attribute, or a nav, aside, header or footer. */
    private static final java.util.regex.Pattern NAMES = java.util.regex.Pattern.compile(
            "(?i)\\b(?:class|id|role)\\s*=|<(?:nav|aside|header|footer)\\b");

    /** Whether the page may hold something {@link #NAMES} finds (decoded byte per char: the markup is ASCII). */
    private static boolean namesAnything(byte[] bytes, Charset cs) {
        return NAMES.matcher(new String(bytes, cs.name().startsWith("UTF-16") ? cs : StandardCharsets.ISO_8859_1)).find();
    }

    /** Below this many characters of article text, the page is read a second time (as readability.js does). */
    private static final int SHORT = 500;
    private static final String NO_ARTICLE = "no article text found in the page";

    private static int textLength(SourceDocument d) {
        int n = 0;
        for (SourceText t : d.chapters()) {
            for (SourceBlock b : t.blocks()) {
                n += b.text().length();
            }
        }
        return n;
    }

    private static SourceDocument parsed(String location, byte[] bytes, Charset cs, Optional<Path> folder,
                                         Optional<URI> url, Fetcher fetcher, boolean strict) throws BadInputException {
        List<String> jsonLd = new ArrayList<>();
        int dropped = 0;
        Document doc;
        // Streamed: page chrome (on the first try), scripts and styles are dropped as soon as each is parsed, so that
        // a large page never sits in memory whole; JSON-LD is kept aside for the metadata first.
        try (StreamParser parser = new StreamParser(Parser.htmlParser())) {
            parser.parse(new InputStreamReader(new ByteArrayInputStream(bytes), cs), url.map(URI::toString).orElse(""));
            for (Element e : (Iterable<Element>) parser::iterator) {
                if (e.tagName().equals("script") && e.attr("type").equalsIgnoreCase("application/ld+json")) {
                    jsonLd.add(e.data());
                    e.remove();
                } else if (e.tagName().equals("meta") || e.tagName().equals("title") || e.tagName().equals("base")) {
                    continue;
                } else if (Readability.dangerous(e) || strict && Readability.unlikely(e) && inBody(e)) {
                    dropped += Readability.dangerous(e) && !e.tagName().equals("link") ? 1 : 0;
                    // the white space before it goes too, or thousands of blank siblings slow the parser down
                    if (e.previousSibling() instanceof TextNode t && t.isBlank()) {
                        t.remove();
                    }
                    e.remove();
                } else {
                    for (int i = e.childNodeSize() - 1; i >= 0; i--) { // from the end: nothing shifts but comments
                        if (e.childNode(i) instanceof org.jsoup.nodes.Comment) {
                            e.childNode(i).remove();
                        }
                    }
                }
            }
            doc = parser.document();
        } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
            throw new BadInputException(location + ": cannot be read as HTML (" + e.getMessage() + ")");
        }
        return read(location, doc, jsonLd, dropped, folder, url, fetcher, strict);
    }

    private static boolean inBody(Element e) {
        for (Element a = e.parent(); a != null; a = a.parent()) {
            if (a.tagName().equals("body")) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code bytes} hold non-ASCII text that is valid UTF-8. */
    private static boolean utf8(byte[] bytes) {
        boolean multibyte = false;
        for (byte b : bytes) {
            if (b < 0) {
                multibyte = true;
                break;
            }
        }
        if (!multibyte) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** The charset: from the HTTP header, a byte order mark, or a {@code <meta>} near the start; else UTF-8. */
    static Charset charset(byte[] bytes, Optional<String> declared) {
        try {
            if (declared.isPresent()) {
                return Charset.forName(declared.get());
            }
            if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
                return StandardCharsets.UTF_16BE;
            }
            if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
                return StandardCharsets.UTF_16LE;
            }
            String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)")
                    .matcher(head);
            if (m.find()) {
                Charset named = Charset.forName(m.group(1));
                // pages saved as UTF-8 often keep the legacy declaration they were served with; multi-byte text
                // that decodes as UTF-8 without a single error is UTF-8 whatever the page says
                return !named.equals(StandardCharsets.UTF_8) && utf8(bytes) ? StandardCharsets.UTF_8 : named;
            }
        } catch (IllegalArgumentException unknown) {
            // an unknown charset name: fall back to UTF-8
        }
        return StandardCharsets.UTF_8;
    }

    /** @param dropped how many executable or embedded elements the parser has already dropped */
    static SourceDocument read(String location, Document doc, List<String> jsonLd, int dropped, Optional<Path> folder,
                               Optional<URI> url, Fetcher fetcher) throws BadInputException {
        return read(location, doc, jsonLd, dropped, folder, url, fetcher, true);
    }

    private static SourceDocument read(String location, Document doc, List<String> jsonLd, int dropped,
                                       Optional<Path> folder, Optional<URI> url, Fetcher fetcher, boolean strict)
            throws BadInputException {
        List<String> notes = new ArrayList<>();
        Meta meta = Meta.of(doc, jsonLd, notes, location);
        Optional<URI> base = url;
        String baseHref = doc.select("base[href]").attr("href");
        if (url.isPresent() && !baseHref.isBlank()) {
            try {
                base = Optional.of(url.get().resolve(baseHref.strip()));
            } catch (IllegalArgumentException ignored) {
                // a malformed base is ignored
            }
        }
        int removed = dropped + Readability.sanitize(doc);
        if (removed > 0) {
            notes.add(location + ": " + removed + " script, style, frame, form or other non-text element(s) dropped");
        }
        Element html = doc.selectFirst("html");
        String dir = html == null ? "" : html.attr("dir").toLowerCase(Locale.ROOT);
        String bylineText = removeBylines(doc, meta);
        List<Element> article = Readability.article(doc, strict);
        HtmlReader reader = new HtmlReader(location, new ImageLoader(location, folder, base, fetcher, notes), notes);
        List<SourceBlock> blocks = new ArrayList<>();
        for (Element part : article) {
            reader.walk(part, blocks);
        }
        if (blocks.stream().noneMatch(b -> b.hasText() && !b.text().isBlank())) {
            throw new BadInputException(location + ": " + NO_ARTICLE);
        }
        Optional<String> dateline = Boilerplate.dropDateline(blocks);
        int notices = Boilerplate.dropNotices(blocks);
        if (notices > 0) {
            notes.add(location + ": " + notices + " comment-policy, disclaimer or newsletter paragraph(s) left out");
        }
        Optional<String> headline = reader.headline(blocks, meta.title);
        normaliseLevels(blocks);
        StringBuilder all = new StringBuilder();
        blocks.forEach(b -> all.append(b.text()).append('\n'));
        Language detected = LanguageDetector.detect(all);
        Language language = detected;
        if (meta.language.isPresent()) {
            Language declared = meta.language.get();
            if (declared.rtl() == detected.rtl() || all.length() < 40) {
                language = declared;
            } else {
                notes.add(location + ": the page says lang=\"" + declared.tag() + "\" but its text reads as "
                        + detected.tag() + "; using " + detected.tag());
            }
        } else if (dir.equals("rtl") && !detected.rtl()) {
            notes.add(location + ": the page says dir=\"rtl\" but has no right-to-left text; using " + detected.tag());
        }
        List<String> authors = meta.authors.isEmpty() && !bylineText.isEmpty() ? List.of(bylineText) : meta.authors;
        SourceText text = new SourceText(location, headline, blocks, language);
        return new SourceDocument(location, List.of(text), headline.isPresent() ? headline : meta.title, authors,
                meta.date.or(() -> dateline), Optional.of(language), meta.description, meta.site, notes);
    }

    /** Takes a byline out of the page ("By …" lines, {@code rel=author}), returning its name when short. */
    private static String removeBylines(Document doc, Meta meta) {
        String found = "";
        List<Element> candidates = new ArrayList<>(doc.select("[rel=author], [itemprop=author], .byline, .author, "
                + ".article-author, [class~=(?i)byline|post-meta|entry-meta|article-meta|dateline], address"));
        // measured bottom-up first: asking each of 512 nested spans for its text walked the whole page each time
        java.util.Map<Element, int[]> counts = Readability.counts(doc);
        for (Element e : doc.select("p, div, span")) {
            int[] c = counts.get(e);
            if (c[Readability.ELEMENTS] < 64 && c[Readability.LENGTH] < 240 && !Readability.hasBlockChild(e)
                    && e.childrenSize() < 12 && e.text().length() < 120
                    && BYLINE.matcher(e.text()).lookingAt()) {
                candidates.add(e);
            }
        }
        for (Element e : candidates) {
            if (e.parent() == null) {
                continue;
            }
            String t = BYLINE.matcher(e.text().strip()).replaceFirst("").split("\\s+(on|في|در|·|\\|)\\s+|\\s*[·|,،]\\s*", 2)[0];
            if (found.isEmpty() && t.length() > 1 && t.length() < 80) {
                found = t.strip();
            }
            if (e.text().length() < 120) {
                e.remove();
            }
        }
        for (Element e : doc.select("time")) {
            Element p = e.parent();
            e.remove();
            if (p != null && p.text().isBlank() && p.select("img").isEmpty() && p.parent() != null) {
                p.remove();
            }
        }
        return meta.authors.isEmpty() ? found : "";
    }

    /** The chapter heading: the article's first heading, when it is the page's title or comes first. */
    private Optional<String> headline(List<SourceBlock> blocks, Optional<String> title) {
        for (int i = 0; i < blocks.size(); i++) {
            SourceBlock b = blocks.get(i);
            if (b.type() != SourceBlock.Type.HEADING) {
                if (b.hasText()) {
                    break;
                }
                continue;
            }
            boolean sameAsTitle = title.isPresent() && similar(b.text(), title.get());
            if (b.level() == 1 || sameAsTitle || i == 0 && title.isEmpty()) {
                blocks.remove(i);
                return Optional.of(b.text());
            }
            break;
        }
        return title;
    }

    static boolean similar(String a, String b) {
        String x = a.strip().toLowerCase(Locale.ROOT);
        String y = b.strip().toLowerCase(Locale.ROOT);
        return x.equals(y) || y.startsWith(x) || x.startsWith(y) || SIMILARITY.apply(x, y) >= 0.92;
    }

    /** Section headings start at level 2 whatever the page used; levels keep their order. */
    private static void normaliseLevels(List<SourceBlock> blocks) {
        int min = blocks.stream().filter(b -> b.type() == SourceBlock.Type.HEADING).mapToInt(SourceBlock::level)
                .min().orElse(2);
        for (int i = 0; i < blocks.size(); i++) {
            SourceBlock b = blocks.get(i);
            if (b.type() == SourceBlock.Type.HEADING) {
                int level = Math.min(6, b.level() - min + 2);
                blocks.set(i, new SourceBlock(b.type(), level, b.group(), b.text(), b.image()));
            }
        }
    }

    private void walk(Element e, List<SourceBlock> out) {
        String tag = e.tagName();
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> text(e).ifPresent(t ->
                    out.add(new SourceBlock(SourceBlock.Type.HEADING, tag.charAt(1) - '0', ++group, t, Optional.empty())));
            case "p", "pre", "dt", "dd", "address", "caption" -> paragraph(e, SourceBlock.Type.PARAGRAPH, ++group, out);
            case "ul", "ol" -> list(e, tag.equals("ol"), ++group, out);
            case "blockquote" -> quote(e, out);
            case "figure" -> figure(e, out);
            case "img" -> image(e, Optional.empty(), ++group, out);
            case "table" -> {
                for (Element row : e.select("tr")) {
                    List<String> cells = new ArrayList<>();
                    for (Element cell : row.select("th, td")) {
                        text(cell).ifPresent(cells::add);
                    }
                    if (!cells.isEmpty()) {
                        out.add(new SourceBlock(SourceBlock.Type.PARAGRAPH, 0, ++group, String.join(" – ", cells), Optional.empty()));
                    }
                }
            }
            case "hr", "br" -> {
            }
            default -> container(e, out);
        }
    }

    /** A container: its block children in turn, and the loose inline text between them as paragraphs. */
    private void container(Element e, List<SourceBlock> out) {
        if (!Readability.hasBlockChild(e)) {
            paragraph(e, SourceBlock.Type.PARAGRAPH, ++group, out);
            return;
        }
        StringBuilder loose = new StringBuilder();
        List<Element> looseImages = new ArrayList<>();
        for (Node n : e.childNodes()) {
            if (n instanceof Element c && Readability.isBlock(c)) {
                flushLoose(loose, looseImages, out);
                walk(c, out);
            } else if (n instanceof TextNode t) {
                loose.append(t.text());
            } else if (n instanceof Element c) {
                if (c.tagName().equals("img")) {
                    looseImages.add(c);
                } else {
                    loose.append(' ').append(c.text()).append(' ');
                    looseImages.addAll(c.select("img"));
                }
            }
        }
        flushLoose(loose, looseImages, out);
    }

    private void flushLoose(StringBuilder loose, List<Element> looseImages, List<SourceBlock> out) {
        String t = collapse(loose.toString());
        if (!t.isEmpty()) {
            out.add(new SourceBlock(SourceBlock.Type.PARAGRAPH, 0, ++group, t, Optional.empty()));
        }
        for (Element img : looseImages) {
            image(img, Optional.empty(), ++group, out);
        }
        loose.setLength(0);
        looseImages.clear();
    }

    private void paragraph(Element e, SourceBlock.Type type, int g, List<SourceBlock> out) {
        List<String> parts = splitAtDoubleBreaks(e);
        if (parts.size() > 1) {
            // <br><br> is how many pages separate paragraphs: each part is a paragraph of its own
            for (String part : parts) {
                out.add(new SourceBlock(type, 0, type == SourceBlock.Type.PARAGRAPH ? ++group : g, part, Optional.empty()));
            }
        } else {
            text(e).ifPresent(t -> out.add(new SourceBlock(type, 0, g, t, Optional.empty())));
        }
        for (Element img : e.select("img")) {
            image(img, Optional.empty(), ++group, out);
        }
    }

    /** The text of {@code e} cut where two line breaks follow each other (white space between them allowed). */
    static List<String> splitAtDoubleBreaks(Element e) {
        List<String> parts = new ArrayList<>();
        if (e.select("br").size() < 2) {
            return parts;
        }
        StringBuilder current = new StringBuilder();
        boolean lastWasBreak = false;
        for (Node n : e.childNodes()) {
            if (n instanceof Element c && c.tagName().equals("br")) {
                if (lastWasBreak) {
                    String t = collapse(current.toString());
                    if (!t.isEmpty()) {
                        parts.add(t);
                    }
                    current.setLength(0);
                    lastWasBreak = false;
                } else {
                    current.append(' ');
                    lastWasBreak = true;
                }
            } else if (n instanceof TextNode t) {
                current.append(t.getWholeText());
                lastWasBreak &= t.isBlank();
            } else if (n instanceof Element c) {
                current.append(' ').append(c.text()).append(' ');
                lastWasBreak = false;
            }
        }
        String t = collapse(current.toString());
        if (!t.isEmpty()) {
            parts.add(t);
        }
        return parts;
    }

    private void list(Element e, boolean ordered, int g, List<SourceBlock> out) {
        SourceBlock.Type type = ordered ? SourceBlock.Type.ORDERED_ITEM : SourceBlock.Type.ITEM;
        for (Element li : e.select("li")) {
            Element item = li.clone();
            item.select("ul, ol").remove();
            text(item).ifPresent(t -> out.add(new SourceBlock(type, 0, g, t, Optional.empty())));
            for (Element img : item.select("img")) {
                image(img, Optional.empty(), ++group, out);
            }
        }
    }

    private void quote(Element e, List<SourceBlock> out) {
        int g = ++group;
        boolean any = false;
        for (Element p : e.select("p")) {
            Optional<String> t = text(p);
            if (t.isPresent()) {
                out.add(new SourceBlock(SourceBlock.Type.QUOTE, 0, g, t.get(), Optional.empty()));
                any = true;
            }
        }
        if (!any) {
            text(e).ifPresent(t -> out.add(new SourceBlock(SourceBlock.Type.QUOTE, 0, g, t, Optional.empty())));
        }
    }

    private void figure(Element e, List<SourceBlock> out) {
        Element caption = e.selectFirst("figcaption");
        Optional<String> captionText = caption == null ? Optional.empty() : text(caption);
        List<Element> imgs = e.select("img");
        if (imgs.isEmpty()) {
            captionText.ifPresent(t -> out.add(new SourceBlock(SourceBlock.Type.PARAGRAPH, 0, ++group, t, Optional.empty())));
            return;
        }
        int g = ++group;
        boolean placed = false;
        for (Element img : imgs) {
            placed |= image(img, captionText, g, out);
        }
        if (captionText.isPresent()) {
            out.add(new SourceBlock(placed ? SourceBlock.Type.CAPTION : SourceBlock.Type.PARAGRAPH, 0, placed ? g : ++group,
                    captionText.get(), Optional.empty()));
        }
    }

    /** Adds a figure for {@code img} when it can be embedded; returns whether it was. */
    private boolean image(Element img, Optional<String> caption, int g, List<SourceBlock> out) {
        String src = img.attr("src");
        if (src.isBlank() && !img.attr("srcset").isBlank()) {
            src = img.attr("srcset").strip().split("[\\s,]+")[0];
        }
        if (src.isBlank()) {
            src = img.attr("data-src");
        }
        Optional<String> alt = img.hasAttr("alt") ? Optional.of(img.attr("alt")) : Optional.empty();
        Optional<Image> image = images.load(src, alt);
        if (image.isEmpty()) {
            return false;
        }
        if (alt.isEmpty()) {
            notes.add(location + ": image " + image.get().origin() + " has no alt text"
                    + (caption.isPresent() ? "; its caption describes it" : "; it is marked decorative in the book"));
        }
        out.add(new SourceBlock(SourceBlock.Type.FIGURE, 0, g, "", image));
        return true;
    }

    private static Optional<String> text(Element e) {
        String t = collapse(e.text());
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    static String collapse(String s) {
        return s.replace('\u00a0', ' ').replaceAll("[\\s\\u200b]+", " ").strip();
    }

    /** What the page says about itself. */
    private record Meta(Optional<String> title, List<String> authors, Optional<String> date, Optional<Language> language,
                        Optional<String> description, Optional<String> site) {
        static Meta of(Document doc, List<String> jsonLd, List<String> notes, String location) {
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
            return new Meta(title, List.copyOf(authors), date, language,
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
                if (v != null && !collapse(v).isEmpty()) {
                    return Optional.of(collapse(v));
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
}
