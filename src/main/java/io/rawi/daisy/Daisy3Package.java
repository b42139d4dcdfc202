package io.rawi.daisy;

import io.rawi.book.Book;
import io.rawi.book.Metadata;
import io.rawi.epub.Xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** The DAISY 3 book's navigation and package: the NCX (with its page list), the resource file and the OPF. */
final class Daisy3Package {
    private Daisy3Package() {
    }

    /** The navigation: a {@code navPoint} per section, nested by level, in reading order. */
    static byte[] ncx(Book book, List<Section> sections, String generator,
                              Map<String, List<Pages.Page>> pages) {
        Metadata m = book.metadata();
        Pages.Counts counts = Pages.Counts.of(pages);
        Xml x = Xml.document("<!DOCTYPE ncx PUBLIC \"-//NISO//DTD ncx 2005-1//EN\" "
                + "\"http://www.daisy.org/z3986/2005/ncx-2005-1.dtd\">");
        x.start("ncx", "version", "2005-1", "xml:lang", m.language().tag()).namespace(null, Daisy3.NCX_NS);
        x.start("head");
        if (counts.total() > 0) {
            x.empty("smilCustomTest", "id", Daisy3.PAGENUM, "defaultState", "false", "override", "visible",
                    "bookStruct", "PAGE_NUMBER");
        }
        DaisyText.meta(x, "dtb:uid", m.identifier());
        DaisyText.meta(x, "dtb:depth", String.valueOf(sections.stream().mapToInt(Section::level).max().orElse(1)));
        DaisyText.meta(x, "dtb:generator", generator);
        DaisyText.meta(x, "dtb:totalPageCount", String.valueOf(counts.total()));
        DaisyText.meta(x, "dtb:maxPageNumber", String.valueOf(counts.maxNormal()));
        x.end();
        x.start("docTitle").leaf("text", m.title()).end();
        for (String a : m.authors()) {
            x.start("docAuthor").leaf("text", a).end();
        }
        // one play order through the sections and the pages, in reading order (a page follows its section's heading)
        Map<String, Integer> playOrder = new java.util.HashMap<>();
        List<Pages.Page> pageList = new ArrayList<>();
        Map<String, String> pageSmil = new java.util.HashMap<>();
        for (Section s : sections) {
            playOrder.put(s.smil(), playOrder.size() + 1);
            for (Pages.Entry entry : Pages.entries(s, pages)) {
                if (entry.page() != null) {
                    playOrder.put(entry.page().id(), playOrder.size() + 1);
                    pageList.add(entry.page());
                    pageSmil.put(entry.page().id(), s.smil());
                }
            }
        }
        x.start("navMap");
        Deque<Integer> open = new ArrayDeque<>();
        for (Section s : sections) {
            while (!open.isEmpty() && open.peek() >= s.level()) {
                x.end();
                open.pop();
            }
            x.start("navPoint", "id", "nav-" + s.heading().id(), "class", "h" + s.level(), "playOrder",
                    String.valueOf(playOrder.get(s.smil())));
            x.start("navLabel").leaf("text", s.label()).end();
            x.empty("content", "src", s.smil() + "#par-" + s.heading().sentences().get(0).id());
            open.push(s.level());
        }
        while (!open.isEmpty()) {
            x.end();
            open.pop();
        }
        x.end();
        if (!pageList.isEmpty()) {
            x.start("pageList", "id", "pages");
            x.start("navLabel").leaf("text", "Pages").end();
            for (Pages.Page page : pageList) {
                x.start("pageTarget", "id", "target-" + page.id(), "type", page.kind(), "value",
                        page.number() > 0 ? String.valueOf(page.number()) : null, "playOrder",
                        String.valueOf(playOrder.get(page.id())));
                x.start("navLabel").leaf("text", page.label()).end();
                x.empty("content", "src", pageSmil.get(page.id()) + "#par-" + page.id());
                x.end();
            }
            x.end();
        }
        x.end();
        return x.finish();
    }

    /** The resource file: the words a player says for the structures it announces, in English. */
    static byte[] resources() {
        Xml x = Xml.document("<!DOCTYPE resources PUBLIC \"-//NISO//DTD resource 2005-1//EN\" "
                + "\"http://www.daisy.org/z3986/2005/resource-2005-1.dtd\">");
        x.start("resources", "version", "2005-1").namespace(null, Daisy3.RES_NS);
        x.start("scope", "nsuri", Daisy3.NCX_NS);
        x.start("nodeSet", "id", "ns-page", "select", "//smilCustomTest[@bookStruct='PAGE_NUMBER']");
        x.start("resource", "xml:lang", "en", "id", "r-page").leaf("text", "page").end(); // resource
        x.end(); // nodeSet
        x.end(); // scope
        x.end(); // resources
        return x.finish();
    }

    static byte[] opf(Book book, List<Section> sections, Map<String, String> audioFiles, long totalMs,
                              String narrator, String generator) {
        Metadata m = book.metadata();
        Xml x = Xml.document("<!DOCTYPE package PUBLIC \"+//ISBN 0-9673008-1-9//DTD OEB 1.2 Package//EN\" "
                + "\"http://openebook.org/dtds/oeb-1.2/oebpkg12.dtd\">");
        x.start("package", "unique-identifier", "uid").namespace(null, Daisy3.OPF_NS);
        x.start("metadata");
        x.start("dc-metadata").namespace("dc", "http://purl.org/dc/elements/1.1/")
                .namespace("oebpackage", Daisy3.OPF_NS);
        x.leaf("dc:Format", "ANSI/NISO Z39.86-2005");
        x.leaf("dc:Language", m.language().tag());
        x.leaf("dc:Date", DaisyText.date(m));
        x.leaf("dc:Publisher", m.publisher().orElse(generator));
        x.leaf("dc:Title", m.title());
        x.leaf("dc:Identifier", m.identifier(), "id", "uid");
        for (String a : m.authors().isEmpty() ? List.of(generator) : m.authors()) {
            x.leaf("dc:Creator", a);
        }
        x.end();
        x.start("x-metadata");
        x.empty("meta", "name", "dtb:multimediaType", "content", narrator != null ? "audioFullText" : "textNCX");
        x.empty("meta", "name", "dtb:multimediaContent", "content", narrator != null ? "audio,text" : "text");
        x.empty("meta", "name", "dtb:totalTime", "content", DaisyText.clock(totalMs));
        if (narrator != null) {
            x.empty("meta", "name", "dtb:narrator", "content", narrator);
        }
        x.empty("meta", "name", "dtb:producedDate", "content", m.modified().toString().substring(0, 10));
        x.end();
        x.end();
        x.start("manifest");
        x.empty("item", "id", "opf", "href", "book.opf", "media-type", "text/xml");
        x.empty("item", "id", "ncx", "href", "book.ncx", "media-type", "application/x-dtbncx+xml");
        x.empty("item", "id", "dtbook", "href", Daisy3.DTBOOK, "media-type", "application/x-dtbook+xml");
        x.empty("item", "id", "resource", "href", "book.res", "media-type", "application/x-dtbresource+xml");
        for (Section s : sections) {
            x.empty("item", "id", "smil-" + s.heading().id(), "href", s.smil(), "media-type", "application/smil");
        }
        int n = 0;
        for (String audio : audioFiles.values()) {
            x.empty("item", "id", "audio-" + ++n, "href", audio, "media-type", "audio/mpeg");
        }
        x.end();
        x.start("spine");
        for (Section s : sections) {
            x.empty("itemref", "idref", "smil-" + s.heading().id());
        }
        x.end();
        x.end();
        return x.finish();
    }

}
