package io.rawi.epubin;

import io.documentnode.epub4j.domain.Book;
import io.documentnode.epub4j.domain.Resource;
import io.documentnode.epub4j.domain.SpineReference;
import io.rawi.book.Imported;
import io.rawi.book.Language;
import io.rawi.book.LanguageDetector;
import io.rawi.book.Paragraph;
import io.rawi.error.BadInputException;
import io.rawi.error.RawiException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The spine's XHTML documents of an EPUB input, annotated for narration: an EPUB 3 book's are patched as published
 * (only ids and, when narrated, the highlight's stylesheet added), an EPUB 2 book's rebuilt (executable elements
 * dropped, the markup upgraded). Other spine items, the navigation document of a patched book, and the documents of a
 * book that keeps its own media overlays are left as they are, with a note where the reader should know.
 */
final class SpineDocuments {
    /** The documents, the language of the first one read (null when none was), and images found without alt text. */
    record Converted(List<Imported.Document> documents, Language firstLanguage, int imagesWithoutAlt) {
    }

    private final String location;
    private final Annotator annotator;
    private final Optional<Imported.Original> original;
    private final boolean narrated;
    private final boolean keepOverlays;
    private final Optional<String> navHref;
    private final Optional<Language> forced;
    private final Optional<Language> declared;
    /** The ids given so far (documents' and files'), and their hrefs. */
    private final Map<String, String> ids;
    private final List<String> notes;

    /**
     * @param original     the book as it came when it is EPUB 3 (its documents are then patched)
     * @param keepOverlays whether the book keeps media overlays of its own (its documents are then left as they are)
     * @param forced       the language to use instead of the documents' own, when given
     * @param declared     the package's language, when it declares one
     */
    SpineDocuments(String location, Annotator annotator, Optional<Imported.Original> original, boolean narrated,
                   boolean keepOverlays, Optional<String> navHref, Optional<Language> forced,
                   Optional<Language> declared, Map<String, String> ids, List<String> notes) {
        this.location = location;
        this.annotator = annotator;
        this.original = original;
        this.narrated = narrated;
        this.keepOverlays = keepOverlays;
        this.navHref = navHref;
        this.forced = forced;
        this.declared = declared;
        this.ids = ids;
        this.notes = notes;
    }

    /** Reads and annotates each XHTML document of {@code book}'s spine, in reading order. */
    Converted convert(Book book, String bookTitle) throws RawiException {
        boolean patch = original.isPresent();
        List<Imported.Document> documents = new ArrayList<>();
        Language first = null;
        int imagesWithoutAlt = 0;
        for (SpineReference ref : book.getSpine().getSpineReferences()) {
            Resource r = ref.getResource();
            if (!EpubReader.XHTML.equals(r.getMediaType().getName())) {
                notes.add(location + ": spine item " + r.getHref() + " (" + r.getMediaType().getName()
                        + (patch ? ") is kept as it is: only XHTML documents are narrated"
                        : ") is kept out of the reading order: only XHTML documents are narrated"));
                continue;
            }
            if (keepOverlays || patch && navHref.map(r.getHref()::equals).orElse(false)) {
                // the navigation document's lists allow no spans around their links: it is kept as it is
                continue;
            }
            Document doc = Jsoup.parse(new String(EpubReader.data(location, r), StandardCharsets.UTF_8), "", Parser.xmlParser());
            Element html = doc.selectFirst("html");
            if (html == null) {
                throw new BadInputException(location + ": " + r.getHref() + " is not an XHTML document (no <html>)");
            }
            // an EPUB 3 book is kept as published, scripts included (reading systems sandbox them); a rebuilt one
            // loses what could run
            int removed = original.isPresent() ? 0 : Xhtml.sanitize(doc);
            if (removed > 0) {
                notes.add(location + ": " + r.getHref() + ": " + removed + " script or other executable element(s) dropped");
            }
            Element found = html.selectFirst("body");
            Element body = found != null ? found : html.appendElement("body");
            Language docLanguage = forced.orElseGet(() -> documentLanguage(html, body, declared));
            if (first == null) {
                first = docLanguage;
            }
            String id = patch ? r.getId() : Ids.unique("in-" + (r.getId() == null ? "doc" : r.getId()), ids);
            ids.put(id, r.getHref());
            List<Paragraph> paragraphs = annotator.annotate(body, docLanguage);
            String title = title(doc, paragraphs, bookTitle);
            if (patch) {
                // an EPUB 3 document is kept as published: only the ids and, when narrated, the highlight's style
                if (narrated && !paragraphs.isEmpty()) {
                    Element head = html.selectFirst("head");
                    (head != null ? head : html.prependElement("head")).appendElement("link")
                            .attr("rel", "stylesheet").attr("type", "text/css")
                            .attr("href", io.rawi.internal.Hrefs.relative(r.getHref(),
                                    original.get().ownFolder() + EpubReader.OVERLAY_CSS));
                }
                documents.add(new Imported.Document(id, r.getHref(), title, docLanguage, paragraphs,
                        Xhtml.serialisePatched(doc), Set.of(), annotator.takeWordless()));
                continue;
            }
            int missing = Xhtml.upgrade(doc, html, docLanguage, title, r.getHref());
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
            documents.add(new Imported.Document(id, r.getHref(), title, docLanguage, paragraphs, Xhtml.serialise(doc),
                    properties, annotator.takeWordless()));
        }
        return new Converted(documents, first, imagesWithoutAlt);
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
}
