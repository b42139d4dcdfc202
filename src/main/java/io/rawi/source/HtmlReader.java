package io.rawi.source;

import io.rawi.book.Language;
import io.rawi.book.LanguageDetector;
import io.rawi.error.BadInputException;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
        Charset cs = PageCharset.of(bytes, charset);
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
                } else if (Sanitizer.dangerous(e) || strict && Readability.unlikely(e) && inBody(e)) {
                    dropped += Sanitizer.dangerous(e) && !e.tagName().equals("link") ? 1 : 0;
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

    /** @param dropped how many executable or embedded elements the parser has already dropped */
    static SourceDocument read(String location, Document doc, List<String> jsonLd, int dropped, Optional<Path> folder,
                               Optional<URI> url, Fetcher fetcher) throws BadInputException {
        return read(location, doc, jsonLd, dropped, folder, url, fetcher, true);
    }

    private static SourceDocument read(String location, Document doc, List<String> jsonLd, int dropped,
                                       Optional<Path> folder, Optional<URI> url, Fetcher fetcher, boolean strict)
            throws BadInputException {
        List<String> notes = new ArrayList<>();
        PageMeta meta = PageMeta.of(doc, jsonLd, notes, location);
        Optional<URI> base = url;
        String baseHref = doc.select("base[href]").attr("href");
        if (url.isPresent() && !baseHref.isBlank()) {
            try {
                base = Optional.of(url.get().resolve(baseHref.strip()));
            } catch (IllegalArgumentException ignored) {
                // a malformed base is ignored
            }
        }
        int removed = dropped + Sanitizer.sanitize(doc);
        if (removed > 0) {
            notes.add(location + ": " + removed + " script, style, frame, form or other non-text element(s) dropped");
        }
        Element html = doc.selectFirst("html");
        String dir = html == null ? "" : html.attr("dir").toLowerCase(Locale.ROOT);
        String bylineText = removeBylines(doc, meta);
        List<Element> article = Readability.article(doc, strict);
        BlockWalker reader = new BlockWalker(location, new ImageLoader(location, folder, base, fetcher, notes), notes);
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
        Optional<String> headline = headline(blocks, meta.title());
        normaliseLevels(blocks);
        StringBuilder all = new StringBuilder();
        blocks.forEach(b -> all.append(b.text()).append('\n'));
        Language detected = LanguageDetector.detect(all);
        Language language = detected;
        if (meta.language().isPresent()) {
            Language declared = meta.language().get();
            if (declared.rtl() == detected.rtl() || all.length() < 40) {
                language = declared;
            } else {
                notes.add(location + ": the page says lang=\"" + declared.tag() + "\" but its text reads as "
                        + detected.tag() + "; using " + detected.tag());
            }
        } else if (dir.equals("rtl") && !detected.rtl()) {
            notes.add(location + ": the page says dir=\"rtl\" but has no right-to-left text; using " + detected.tag());
        }
        List<String> authors = meta.authors().isEmpty() && !bylineText.isEmpty() ? List.of(bylineText) : meta.authors();
        SourceText text = new SourceText(location, headline, blocks, language);
        return new SourceDocument(location, List.of(text), headline.isPresent() ? headline : meta.title(), authors,
                meta.date().or(() -> dateline), Optional.of(language), meta.description(), meta.site(), notes);
    }

    /** Takes a byline out of the page ("By …" lines, {@code rel=author}), returning its name when short. */
    private static String removeBylines(Document doc, PageMeta meta) {
        String found = "";
        List<Element> candidates = new ArrayList<>(doc.select("[rel=author], [itemprop=author], .byline, .author, "
                + ".article-author, [class~=(?i)byline|post-meta|entry-meta|article-meta|dateline], address"));
        // measured bottom-up first: asking each of 512 nested spans for its text walked the whole page each time
        java.util.Map<Element, int[]> counts = ElementCounts.counts(doc);
        for (Element e : doc.select("p, div, span")) {
            int[] c = counts.get(e);
            if (c[ElementCounts.ELEMENTS] < 64 && c[ElementCounts.LENGTH] < 240 && !ElementCounts.hasBlockChild(e)
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
        return meta.authors().isEmpty() ? found : "";
    }

    /** The chapter heading: the article's first heading, when it is the page's title or comes first. */
    private static Optional<String> headline(List<SourceBlock> blocks, Optional<String> title) {
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

    static String collapse(String s) {
        return s.replace('\u00a0', ' ').replaceAll("[\\s\\u200b]+", " ").strip();
    }

}
