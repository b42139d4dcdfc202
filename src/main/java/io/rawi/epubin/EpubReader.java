package io.rawi.epubin;

import io.documentnode.epub4j.domain.Author;
import io.documentnode.epub4j.domain.Book;
import io.documentnode.epub4j.domain.Identifier;
import io.documentnode.epub4j.domain.Resource;
import io.documentnode.epub4j.domain.SpineReference;
import io.rawi.book.Granularity;
import io.rawi.book.Imported;
import io.rawi.book.Language;
import io.rawi.error.BadInputException;
import io.rawi.error.RawiException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an EPUB 2 or EPUB 3 book with epublib ({@code epub4j}) after checking it is safe and free: no DRM
 * ({@code META-INF/rights.xml}, a Readium LCP licence, or an {@code encryption.xml} that encrypts more than fonts), no
 * XML entity declarations anywhere (XXE), no scripts kept. Its spine documents are rewritten as EPUB 3 XHTML with the
 * ids narration needs ({@link Annotator}); images, stylesheets and fonts are kept; the table of contents comes from the
 * NCX, or from the EPUB 3 navigation document when there is no NCX.
 */
public final class EpubReader {
    /** The media type of the documents it reads. */
    static final String XHTML = "application/xhtml+xml";

    /** What the book says about itself, and its documents. */
    public record Result(Imported imported, String title, List<String> authors, Optional<Language> language,
                         Optional<String> identifier, Optional<String> publisher, Optional<String> description,
                         List<String> subjects, Optional<String> rights, Optional<String> date, List<String> notes,
                         int paragraphs) {
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
        EpubArchive.Checked checked = EpubArchive.check(location, entries);
        Map<String, byte[]> clean = checked.entries();
        Book book;
        try {
            book = EpubArchive.parse(clean);
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
        return reader.convert(location, book, clean, checked.obfuscated(), granularity, language);
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
        SpineDocuments.Converted converted = new SpineDocuments(location, annotator, original, narrated, keepOverlays,
                navHref, forced, declared, ids, notes).convert(book, m.getFirstTitle());
        List<Imported.Document> documents = converted.documents();
        Language bookLanguage = forced.orElse(declared.orElse(converted.firstLanguage()));
        imagesWithoutAlt += converted.imagesWithoutAlt();
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
                if (Xhtml.sanitize(svg) > 0) {
                    notes.add(location + ": scripts dropped from " + href);
                }
                bytes = Xhtml.serialiseXml(svg);
            }
            files.add(new Imported.File(Ids.unique("in-" + (r.getId() == null ? "file" : r.getId()), ids), href,
                    type.isEmpty() ? "application/octet-stream" : type, bytes));
        }
        List<Imported.TocEntry> toc = TableOfContents.of(location, book, navHref, documentHrefs);
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

    static byte[] data(String location, Resource r) throws BadInputException {
        try {
            return r.getData();
        } catch (IOException e) {
            throw new BadInputException(location + ": " + r.getHref() + " cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Where the highlight's stylesheet goes in a patched book, relative to rawi's own folder there. */
    public static final String OVERLAY_CSS = "overlay.css";
}
