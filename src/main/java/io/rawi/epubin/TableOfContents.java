package io.rawi.epubin;

import io.documentnode.epub4j.domain.Book;
import io.documentnode.epub4j.domain.Resource;
import io.documentnode.epub4j.domain.TOCReference;
import io.rawi.book.Imported;
import io.rawi.error.BadInputException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A book's table of contents, as entries that point at its narrated documents: from the NCX, else from the EPUB 3
 * navigation document's {@code toc} nav. An entry whose target is not among the documents gives way to its children.
 */
final class TableOfContents {
    private TableOfContents() {
    }

    /** The entries of {@code book} that point into {@code documents} (hrefs); empty when it has none. */
    static List<Imported.TocEntry> of(String location, Book book, Optional<String> navHref, Set<String> documents)
            throws BadInputException {
        List<Imported.TocEntry> toc = toc(book.getTableOfContents().getTocReferences(), documents);
        if (toc.isEmpty() && navHref.isPresent()) {
            toc = navToc(location, book, navHref.get(), documents);
        }
        return toc;
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
        Document doc = Jsoup.parse(new String(EpubReader.data(location, nav), StandardCharsets.UTF_8), "", Parser.xmlParser());
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
