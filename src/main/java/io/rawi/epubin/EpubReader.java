package io.rawi.epubin;

import io.documentnode.epub4j.domain.Author;
import io.documentnode.epub4j.domain.Book;
import io.documentnode.epub4j.domain.Identifier;
import io.documentnode.epub4j.domain.Resource;
import io.documentnode.epub4j.domain.SpineReference;
import io.documentnode.epub4j.domain.TOCReference;
import io.rawi.book.Granularity;
import io.rawi.book.Imported;
import io.rawi.book.Paragraph;
import io.rawi.error.BadInputException;
import io.rawi.error.RawiException;
import io.rawi.source.Language;
import io.rawi.source.LanguageDetector;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Reads an EPUB 2 or EPUB 3 book with epublib ({@code epub4j}) after checking it is safe and free: no DRM
 * ({@code META-INF/rights.xml}, a Readium LCP licence, or an {@code encryption.xml} that encrypts more than fonts), no
 * XML entity declarations anywhere (XXE), no scripts kept. Its spine documents are rewritten as EPUB 3 XHTML with the
 * ids narration needs ({@link Annotator}); images, stylesheets and fonts are kept; the table of contents comes from the
 * NCX, or from the EPUB 3 navigation document when there is no NCX.
 */
public final class EpubReader {
    private static final String XHTML = "application/xhtml+xml";
    private static final Set<String> FONT_OBFUSCATION = Set.of("http://www.idpf.org/2008/embedding",
            "http://ns.adobe.com/pdf/enc#RC");
    private static final Pattern ENTITY = Pattern.compile("(?is)<!ENTITY|<!DOCTYPE[^>\\[]*\\[");
    private static final Pattern DOCTYPE = Pattern.compile("(?is)<!DOCTYPE[^>]*>");
    private static final Set<String> DROPPED = Set.of("script", "noscript", "iframe", "object", "embed", "applet",
            "form", "input", "button", "select", "textarea", "frame", "frameset", "base", "portal");
    private static final Set<String> OBSOLETE_ATTRIBUTES = Set.of("align", "valign", "bgcolor", "border", "cellpadding",
            "cellspacing", "clear", "hspace", "vspace", "nowrap", "frame", "rules", "summary", "language", "charset",
            "rev", "axis", "char", "charoff", "compact", "noshade", "size", "link", "vlink", "alink", "text",
            "background");
    private static final Map<String, String> OBSOLETE_ELEMENTS = Map.of("center", "div", "font", "span", "big", "span",
            "tt", "code", "acronym", "abbr", "strike", "s", "u", "span");

    /** What the book says about itself, and its documents. */
    public record Result(Imported imported, String title, List<String> authors, Optional<Language> language,
                         Optional<String> identifier, Optional<String> publisher, Optional<String> description,
                         List<String> subjects, Optional<String> rights, Optional<String> date, List<String> notes,
                         int paragraphs) {
    }

    static {
        // epublib's logger (minilog) writes every step, even a missing NCX, to the standard output that was current
        // when it was first loaded, where rawi prints the book's path. Load it while standard output goes nowhere;
        // rawi reports what matters itself. This runs before any narration thread exists.
        java.io.PrintStream out = System.out;
        try {
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            io.documentnode.minilog.Logger.setLevel(io.documentnode.minilog.Level.ERROR);
        } finally {
            System.setOut(out);
        }
    }

    private EpubReader() {
    }

    /**
     * Reads the book from its zip entries (see {@link io.rawi.source.SafeZip}).
     *
     * @param language the language to use instead of the book's own, when given
     */
    public static Result read(String location, Map<String, byte[]> entries, Granularity granularity,
                              Optional<Language> language) throws RawiException {
        return read(location, entries, granularity, language, false, false);
    }

    /**
     * Reads the book from its zip entries (see {@link io.rawi.source.SafeZip}).
     *
     * @param language  the language to use instead of the book's own, when given
     * @param narrated  whether the book will be narrated (its documents then link the highlight's stylesheet)
     * @param renarrate whether a book with media overlays of its own is narrated again (else it keeps them)
     */
    public static Result read(String location, Map<String, byte[]> entries, Granularity granularity,
                              Optional<Language> language, boolean narrated, boolean renarrate) throws RawiException {
        Set<String> obfuscated = refuseDrm(location, entries);
        Map<String, byte[]> clean = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String name = e.getKey();
            byte[] bytes = e.getValue();
            if (isXml(name)) {
                String text = new String(bytes, StandardCharsets.UTF_8);
                if (ENTITY.matcher(text).find()) {
                    throw new BadInputException(location + ": " + name + " declares XML entities (an XXE attack or "
                            + "an unsafe document); refused, nothing was read from it");
                }
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".opf") || lower.endsWith(".ncx") || lower.endsWith(".xml")) {
                    // what epublib parses loses its DOCTYPE, so that no parser ever fetches an external DTD
                    bytes = DOCTYPE.matcher(text).replaceAll("").getBytes(StandardCharsets.UTF_8);
                }
            }
            clean.put(name, bytes);
        }
        if (!clean.containsKey("META-INF/container.xml")) {
            throw new BadInputException(location + ": not an EPUB (no META-INF/container.xml)");
        }
        Book book;
        try {
            book = new io.documentnode.epub4j.epub.EpubReader().readEpub(new ByteArrayInputStream(rezip(clean)));
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(location + ": cannot be read as an EPUB (" + e.getMessage() + ")");
        }
        if (book.getOpfResource() == null || book.getSpine() == null || book.getSpine().isEmpty()) {
            throw new BadInputException(location + ": the EPUB has no package document or an empty spine");
        }
        PackageFile opf = PackageFile.read(location, clean);
        EpubReader reader = new EpubReader();
        reader.original = opf.epub3() ? Optional.of(new Imported.Original(opf.path(), entries, renarrate))
                : Optional.empty();
        reader.narrated = narrated;
        reader.overlaid = opf.overlaid();
        reader.navHref = opf.nav();
        reader.prefix = Ids.freePrefix(clean);
        return reader.convert(location, book, clean, obfuscated, granularity, language);
    }

    private static boolean isXml(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".xml") || n.endsWith(".opf") || n.endsWith(".ncx") || n.endsWith(".xhtml")
                || n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".smil") || n.endsWith(".svg")
                || n.endsWith(".pls");
    }

    /**
     * Refuses a book with DRM; returns the entries that {@code encryption.xml} obfuscates (fonts), as paths in the
     * archive, when that is all it does.
     */
    private static Set<String> refuseDrm(String location, Map<String, byte[]> entries) throws BadInputException {
        if (entries.containsKey("META-INF/rights.xml")) {
            throw new BadInputException(location + ": the book is protected by DRM (META-INF/rights.xml); rawi only "
                    + "reads books without DRM");
        }
        if (entries.containsKey("META-INF/license.lcpl")) {
            throw new BadInputException(location + ": the book is protected by Readium LCP (META-INF/license.lcpl); "
                    + "rawi only reads books without DRM");
        }
        byte[] encryption = entries.get("META-INF/encryption.xml");
        Set<String> obfuscated = new HashSet<>();
        if (encryption == null) {
            return obfuscated;
        }
        String text = new String(encryption, StandardCharsets.UTF_8);
        if (ENTITY.matcher(text).find()) {
            throw new BadInputException(location + ": META-INF/encryption.xml declares XML entities; refused");
        }
        boolean anyMethod = false;
        for (Element e : Jsoup.parse(text, "", Parser.xmlParser()).select("*")) {
            if (e.tagName().endsWith("EncryptionMethod")) {
                anyMethod = true;
                if (!FONT_OBFUSCATION.contains(e.attr("Algorithm"))) {
                    throw new BadInputException(location + ": the book is encrypted (DRM: META-INF/encryption.xml, "
                            + e.attr("Algorithm") + "); rawi only reads books without DRM");
                }
            } else if (e.tagName().endsWith("CipherReference")) {
                obfuscated.add(e.attr("URI"));
            }
        }
        if (!anyMethod) {
            throw new BadInputException(location + ": the book has META-INF/encryption.xml (DRM); rawi only reads "
                    + "books without DRM");
        }
        return obfuscated;
    }

    private static byte[] rezip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(0);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private int imagesWithoutAlt;
    /** The book as it came, when it is EPUB 3: then it is patched, not rebuilt. */
    private Optional<Imported.Original> original = Optional.empty();
    private boolean narrated;
    /** Hrefs of the documents that have media overlays of their own. */
    private Set<String> overlaid = Set.of();
    private String prefix = "p";
    private Optional<String> navHref = Optional.empty();

    private Result convert(String location, Book book, Map<String, byte[]> entries, Set<String> obfuscatedEntries,
                           Granularity granularity, Optional<Language> forced) throws RawiException {
        List<String> notes = new ArrayList<>();
        io.documentnode.epub4j.domain.Metadata m = book.getMetadata();
        Optional<Language> declared = Language.declared(m.getLanguage());
        // encryption.xml names archive paths; the manifest's hrefs are relative to the package document
        String opf = entries.keySet().stream().filter(n -> n.endsWith(".opf")).findFirst().orElse("");
        String folder = opf.contains("/") ? opf.substring(0, opf.lastIndexOf('/') + 1) : "";
        Set<String> obfuscated = new HashSet<>();
        obfuscatedEntries.forEach(uri -> obfuscated.add(uri.startsWith(folder) ? uri.substring(folder.length()) : uri));
        Map<String, String> ids = new LinkedHashMap<>();
        Set<String> spineHrefs = new HashSet<>();
        for (SpineReference ref : book.getSpine().getSpineReferences()) {
            spineHrefs.add(ref.getResource().getHref());
        }
        Annotator annotator = new Annotator(granularity, 1, prefix);
        boolean patch = original.isPresent();
        boolean keepOverlays = patch && !overlaid.isEmpty() && !original.get().dropOverlays();
        if (keepOverlays) {
            notes.add(location + ": the book has media overlays of its own, kept as they are (--renarrate narrates it "
                    + "again and replaces them)");
        }
        List<Imported.Document> documents = new ArrayList<>();
        Language bookLanguage = forced.orElse(declared.orElse(null));
        for (SpineReference ref : book.getSpine().getSpineReferences()) {
            Resource r = ref.getResource();
            if (!XHTML.equals(r.getMediaType().getName())) {
                notes.add(location + ": spine item " + r.getHref() + " (" + r.getMediaType().getName()
                        + (patch ? ") is kept as it is: only XHTML documents are narrated"
                        : ") is kept out of the reading order: only XHTML documents are narrated"));
                continue;
            }
            if (keepOverlays || patch && navHref.map(r.getHref()::equals).orElse(false)) {
                // the navigation document's lists allow no spans around their links: it is kept as it is
                continue;
            }
            Document doc = Jsoup.parse(new String(data(location, r), StandardCharsets.UTF_8), "", Parser.xmlParser());
            Element html = doc.selectFirst("html");
            if (html == null) {
                throw new BadInputException(location + ": " + r.getHref() + " is not an XHTML document (no <html>)");
            }
            // an EPUB 3 book is kept as published, scripts included (reading systems sandbox them); a rebuilt one
            // loses what could run
            int removed = original.isPresent() ? 0 : sanitize(doc);
            if (removed > 0) {
                notes.add(location + ": " + r.getHref() + ": " + removed + " script or other executable element(s) dropped");
            }
            Element found = html.selectFirst("body");
            Element body = found != null ? found : html.appendElement("body");
            Language docLanguage = forced.orElseGet(() -> documentLanguage(html, body, declared));
            if (bookLanguage == null) {
                bookLanguage = docLanguage;
            }
            String id = patch ? r.getId() : uniqueId("in-" + (r.getId() == null ? "doc" : r.getId()), ids);
            ids.put(id, r.getHref());
            List<Paragraph> paragraphs = annotator.annotate(body, docLanguage);
            String title = title(doc, paragraphs, m.getFirstTitle());
            if (patch) {
                // an EPUB 3 document is kept as published: only the ids and, when narrated, the highlight's style
                if (narrated && !paragraphs.isEmpty()) {
                    Element head = html.selectFirst("head");
                    (head != null ? head : html.prependElement("head")).appendElement("link")
                            .attr("rel", "stylesheet").attr("type", "text/css")
                            .attr("href", io.rawi.internal.Hrefs.relative(r.getHref(),
                                    original.get().ownFolder() + OVERLAY_CSS));
                }
                documents.add(new Imported.Document(id, r.getHref(), title, docLanguage, paragraphs,
                        serialisePatched(doc), Set.of(), annotator.takeWordless()));
                continue;
            }
            int missing = upgrade(doc, html, docLanguage, title, r.getHref());
            if (missing > 0) {
                imagesWithoutAlt += missing;
                notes.add(location + ": " + r.getHref() + ": " + missing + " image(s) without alt text, now marked "
                        + "decorative");
            }
            Set<String> properties = new HashSet<>();
            if (!doc.select("svg").isEmpty()) {
                properties.add("svg");
            }
            if (!doc.select("math").isEmpty()) {
                properties.add("mathml");
            }
            documents.add(new Imported.Document(id, r.getHref(), title, docLanguage, paragraphs, serialise(doc),
                    properties, annotator.takeWordless()));
        }
        if (!patch && documents.stream().allMatch(d -> d.paragraphs().isEmpty())) {
            throw new BadInputException(location + ": the book has no text to narrate");
        }
        List<Imported.File> files = new ArrayList<>();
        Set<String> documentHrefs = new HashSet<>();
        documents.forEach(d -> documentHrefs.add(d.href()));
        for (Resource r : patch ? List.<Resource>of() : book.getResources().getAll()) {
            String type = r.getMediaType() == null ? "" : r.getMediaType().getName();
            String href = r.getHref();
            if (documentHrefs.contains(href) || navHref.map(href::equals).orElse(false)
                    || type.equals("application/x-dtbncx+xml") || type.contains("javascript")
                    || type.equals("application/smil+xml") || href.endsWith(".opf")) {
                continue;
            }
            if (obfuscated.contains(href)) {
                notes.add(location + ": obfuscated font " + href + " left out (its key is the old package's id)");
                continue;
            }
            if (type.equals(XHTML) && !spineHrefs.contains(href)) {
                notes.add(location + ": " + href + " is not in the reading order and is left out");
                continue;
            }
            byte[] bytes = data(location, r);
            if (type.equals("text/css")) {
                bytes = Css.clean(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
            if (type.equals("image/svg+xml")) {
                Document svg = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), "", Parser.xmlParser());
                if (sanitize(svg) > 0) {
                    notes.add(location + ": scripts dropped from " + href);
                }
                bytes = serialiseXml(svg);
            }
            files.add(new Imported.File(uniqueId("in-" + (r.getId() == null ? "file" : r.getId()), ids), href,
                    type.isEmpty() ? "application/octet-stream" : type, bytes));
        }
        List<Imported.TocEntry> toc = toc(book.getTableOfContents().getTocReferences(), documentHrefs);
        if (toc.isEmpty() && navHref.isPresent()) {
            toc = navToc(location, book, navHref.get(), documentHrefs);
        }
        if (toc.isEmpty()) {
            for (Imported.Document d : documents) {
                if (!d.paragraphs().isEmpty()) {
                    toc.add(new Imported.TocEntry(d.title(), d.href(), List.of()));
                }
            }
        }
        Optional<String> cover = Optional.ofNullable(book.getCoverImage()).map(Resource::getHref)
                .filter(h -> patch || files.stream().anyMatch(f -> f.href().equals(h)
                        && f.mediaType().startsWith("image/")));
        List<String> authors = new ArrayList<>();
        for (Author a : m.getAuthors()) {
            String name = ((a.getFirstname() == null ? "" : a.getFirstname()) + " "
                    + (a.getLastname() == null ? "" : a.getLastname())).strip();
            if (!name.isEmpty()) {
                authors.add(name);
            }
        }
        Optional<String> identifier = m.getIdentifiers().stream().map(Identifier::getValue)
                .filter(v -> v != null && !v.isBlank()).findFirst().map(String::strip)
                .map(io.rawi.book.Identifiers::urn);
        String title = Optional.ofNullable(m.getFirstTitle()).filter(t -> !t.isBlank())
                .orElse(documents.isEmpty() ? location : documents.get(0).title());
        return new Result(new Imported(documents, files, toc, cover, imagesWithoutAlt, original), title.strip(), authors,
                Optional.ofNullable(bookLanguage), identifier, m.getPublishers().stream().findFirst(),
                m.getDescriptions().stream().findFirst().map(d -> Jsoup.parse(d).text()), m.getSubjects(),
                m.getRights().stream().findFirst(),
                m.getDates().stream().findFirst().map(d -> d.getValue()), notes, annotator.lastParagraph());
    }

    private static byte[] data(String location, Resource r) throws BadInputException {
        try {
            return r.getData();
        } catch (IOException e) {
            throw new BadInputException(location + ": " + r.getHref() + " cannot be read (" + e.getMessage() + ")");
        }
    }

    private static Language documentLanguage(Element html, Element body, Optional<Language> declared) {
        for (Element e : List.of(html, body)) {
            Optional<Language> language = Language.declared(e.hasAttr("xml:lang") ? e.attr("xml:lang") : e.attr("lang"));
            if (language.isPresent()) {
                return language.get();
            }
        }
        return declared.orElseGet(() -> LanguageDetector.detect(body.text()));
    }

    /** Removes scripts, forms, frames, event handlers and javascript: URLs; returns how many elements went. */
    static int sanitize(Document doc) {
        int removed = 0;
        for (Element e : new ArrayList<>(doc.select("*"))) {
            String local = e.tagName().contains(":") ? e.tagName().substring(e.tagName().indexOf(':') + 1) : e.tagName();
            if (DROPPED.contains(local.toLowerCase(Locale.ROOT))) {
                if (e.parent() != null) {
                    e.remove();
                    removed++;
                }
                continue;
            }
            for (org.jsoup.nodes.Attribute a : new ArrayList<>(e.attributes().asList())) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().strip().toLowerCase(Locale.ROOT);
                if (key.startsWith("on") || (key.equals("href") || key.equals("src") || key.endsWith(":href")
                        || key.equals("action") || key.equals("formaction")) && value.startsWith("javascript:")) {
                    e.removeAttr(a.getKey());
                }
            }
        }
        return removed;
    }

    /** Makes the document EPUB 3 XHTML: namespaces, language, direction, title, rawi's stylesheet, no obsolete markup. */
    private static int upgrade(Document doc, Element html, Language language, String title, String href) {
        int missingAlt = 0;
        for (Node n : new ArrayList<>(doc.childNodes())) {
            if (n instanceof DocumentType || n instanceof org.jsoup.nodes.XmlDeclaration) {
                n.remove();
            }
        }
        html.attr("xmlns", "http://www.w3.org/1999/xhtml");
        html.attr("xmlns:epub", "http://www.idpf.org/2007/ops");
        html.attr("lang", language.tag());
        html.attr("xml:lang", language.tag());
        if (!html.hasAttr("dir") || language.rtl()) {
            html.attr("dir", language.dir());
        }
        Element head = html.selectFirst("head");
        if (head == null) {
            head = html.prependElement("head");
        }
        for (Element meta : head.select("meta[http-equiv]")) {
            meta.remove();
        }
        Element t = head.selectFirst("title");
        if (t == null) {
            t = head.prependElement("title");
        }
        if (t.text().isBlank()) {
            t.text(title);
        }
        String depth = "../".repeat((int) href.chars().filter(c -> c == '/').count() + 1);
        head.appendElement("link").attr("rel", "stylesheet").attr("type", "text/css")
                .attr("href", depth + "styles/rawi.css");
        for (Element e : new ArrayList<>(html.select("*"))) {
            String replacement = OBSOLETE_ELEMENTS.get(e.tagName());
            if (replacement != null) {
                e.tagName(replacement);
            }
            if (e.tagName().equals("a") && e.hasAttr("name")) {
                if (!e.hasAttr("id") && html.getElementById(e.attr("name")) == null) {
                    e.attr("id", e.attr("name"));
                }
                e.removeAttr("name");
            }
            for (String a : OBSOLETE_ATTRIBUTES) {
                if (!(a.equals("summary") && e.tagName().equals("details")) && !(a.equals("size") && e.tagName().equals("input"))) {
                    e.removeAttr(a);
                }
            }
            if ((e.hasAttr("width") || e.hasAttr("height"))
                    && !Set.of("img", "video", "canvas", "svg", "object", "embed", "iframe", "image", "rect").contains(e.tagName())) {
                e.removeAttr("width");
                e.removeAttr("height");
            }
            if (e.tagName().equals("img") && !e.hasAttr("alt")) {
                e.attr("alt", "");
                missingAlt++;
            }
        }
        return missingAlt;
    }

    private static String title(Document doc, List<Paragraph> paragraphs, String bookTitle) {
        Element t = doc.selectFirst("head > title");
        if (t != null && !t.text().isBlank()) {
            return t.text().strip();
        }
        for (Paragraph p : paragraphs) {
            if (p.kind() == Paragraph.Kind.HEADING) {
                return p.text();
            }
        }
        return bookTitle == null || bookTitle.isBlank() ? "Untitled" : bookTitle;
    }

    /** Where the highlight's stylesheet goes in a patched book, relative to rawi's own folder there. */
    public static final String OVERLAY_CSS = "overlay.css";

    /** A kept document as XHTML again: its own prolog (XML declaration, DOCTYPE) as it was. */
    static byte[] serialisePatched(Document doc) {
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .charset(StandardCharsets.UTF_8).prettyPrint(false);
        for (Node n : doc.childNodes()) {
            if (n instanceof org.jsoup.nodes.XmlDeclaration) {
                return doc.outerHtml().strip().concat("\n").getBytes(StandardCharsets.UTF_8);
            }
        }
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doc.outerHtml().strip() + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] serialise(Document doc) {
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .charset(StandardCharsets.UTF_8).prettyPrint(false);
        String body = doc.html();
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n" + body.strip() + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] serialiseXml(Document doc) {
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .charset(StandardCharsets.UTF_8).prettyPrint(false);
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doc.html().strip() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String uniqueId(String base, Map<String, String> taken) {
        String id = base.replaceAll("[^A-Za-z0-9._-]", "-");
        String candidate = id;
        for (int n = 2; taken.containsKey(candidate); n++) {
            candidate = id + "-" + n;
        }
        taken.put(candidate, "");
        return candidate;
    }

    private static List<Imported.TocEntry> toc(List<TOCReference> refs, Set<String> documents) {
        List<Imported.TocEntry> out = new ArrayList<>();
        for (TOCReference r : refs) {
            List<Imported.TocEntry> children = toc(r.getChildren(), documents);
            if (r.getResource() != null && documents.contains(r.getResource().getHref())) {
                String href = r.getResource().getHref() + (r.getFragmentId() == null || r.getFragmentId().isBlank()
                        ? "" : "#" + r.getFragmentId());
                out.add(new Imported.TocEntry(r.getTitle() == null || r.getTitle().isBlank() ? href : r.getTitle().strip(),
                        href, children));
            } else {
                out.addAll(children);
            }
        }
        return out;
    }

    private static List<Imported.TocEntry> navToc(String location, Book book, String navHref, Set<String> documents)
            throws BadInputException {
        Resource nav = book.getResources().getByHref(navHref);
        if (nav == null) {
            return new ArrayList<>();
        }
        Document doc = Jsoup.parse(new String(data(location, nav), StandardCharsets.UTF_8), "", Parser.xmlParser());
        for (Element n : doc.select("nav")) {
            if (n.attr("epub:type").contains("toc")) {
                Element ol = n.selectFirst("ol");
                return ol == null ? new ArrayList<>() : navList(ol, navHref, documents);
            }
        }
        return new ArrayList<>();
    }

    private static List<Imported.TocEntry> navList(Element ol, String navHref, Set<String> documents) {
        List<Imported.TocEntry> out = new ArrayList<>();
        for (Element li : ol.children()) {
            if (!li.tagName().equals("li")) {
                continue;
            }
            Element a = li.selectFirst("a, span");
            Element sub = li.selectFirst("ol");
            List<Imported.TocEntry> children = sub == null ? List.of() : navList(sub, navHref, documents);
            String href = a == null ? "" : a.attr("href");
            String resolved = href.isBlank() ? "" : URI.create("x:/" + navHref).resolve(href.replace(" ", "%20"))
                    .toString().substring(3);
            String file = resolved.split("#", 2)[0];
            if (a != null && documents.contains(file)) {
                out.add(new Imported.TocEntry(a.text().strip(), resolved, children));
            } else {
                out.addAll(children);
            }
        }
        return out;
    }
}
