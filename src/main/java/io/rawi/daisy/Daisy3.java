package io.rawi.daisy;

import io.rawi.audio.Clip;
import io.rawi.audio.NarratedBlock;
import io.rawi.book.Book;
import io.rawi.book.Language;
import io.rawi.book.Metadata;
import io.rawi.book.Paragraph;
import io.rawi.book.Sentence;
import io.rawi.epub.Xml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DAISY 3 (ANSI/NISO Z39.86-2005) talking book, full text and full audio, from the same narration and sections as
 * {@link Daisy202}: {@code book.xml} (DTBook 2005-3, a {@code sent} per sentence with its {@code smilref}),
 * {@code book.ncx} (the navigation, a {@code navPoint} per section, nested by level), one SMIL file per section with a
 * {@code par} per sentence, {@code book.opf} (the package: metadata, manifest, spine), {@code book.res} (the
 * resource file) and the audio files, all in one folder. Lists and quotations become paragraphs.
 */
public final class Daisy3 {
    /** The folder, inside the book's folder, that holds the talking book. */
    public static final String FOLDER = "daisy3";
    static final String DTBOOK_NS = "http://www.daisy.org/z3986/2005/dtbook/";
    static final String NCX_NS = "http://www.daisy.org/z3986/2005/ncx/";
    static final String SMIL_NS = "http://www.w3.org/2001/SMIL20/";
    static final String OPF_NS = "http://openebook.org/namespaces/oeb-package/1.0/";
    static final String RES_NS = "http://www.daisy.org/z3986/2005/resource/";
    static final String DTBOOK = "book.xml";
    /** The custom test that marks page numbers in the SMIL files, named in the NCX. */
    static final String PAGENUM = "pagenum";

    private Daisy3() {
    }

    /**
     * Writes the talking book into {@code folder}.
     *
     * @param bookFolder where the narration's audio files are ({@link NarratedBlock#file()} is relative to it)
     * @param narrator   the synthetic voice; null for a text-only book ({@code textNCX}: no audio)
     */
    public static void write(Book book, Map<String, NarratedBlock> narration, Path bookFolder, Path folder,
                             String narrator, String generator) throws IOException {
        Files.createDirectories(folder);
        Map<String, org.jsoup.nodes.Document> parsed = Sections.parsed(book);
        List<Section> sections = Sections.of(book, parsed);
        Map<String, List<Pages.Page>> pages = Pages.of(book, parsed);
        Map<String, String> audioFiles = new LinkedHashMap<>();
        for (Section s : sections) {
            for (Paragraph p : s.blocks()) {
                NarratedBlock b = spoken(book, narration, p);
                if (b != null) {
                    audioFiles.put(b.file(), Path.of(b.file()).getFileName().toString());
                }
            }
        }
        for (Map.Entry<String, String> a : audioFiles.entrySet()) {
            DaisyText.place(bookFolder.resolve(a.getKey()), folder.resolve(a.getValue()));
        }
        Metadata m = book.metadata();
        long elapsed = 0;
        for (Section s : sections) {
            long duration = Sections.duration(s, book, narration);
            Files.write(folder.resolve(smil(s)), smil(s, book, narration, audioFiles, m, elapsed, duration, generator,
                    pages));
            elapsed += duration;
        }
        Files.write(folder.resolve(DTBOOK), dtbook(book, sections, pages));
        Files.write(folder.resolve("book.ncx"), Daisy3Package.ncx(book, sections, generator, pages));
        Files.write(folder.resolve("book.res"), Daisy3Package.resources());
        Files.write(folder.resolve("book.opf"),
                Daisy3Package.opf(book, sections, audioFiles, elapsed, narrator, generator));
    }

    private static NarratedBlock spoken(Book book, Map<String, NarratedBlock> narration, Paragraph p) {
        return book.silent().contains(p.id()) ? null : narration.get(p.id());
    }

    /** A section's SMIL file: DAISY 3 names them like DAISY 2.02 does. */
    static String smil(Section s) {
        return s.smil();
    }

    private static byte[] smil(Section s, Book book, Map<String, NarratedBlock> narration,
                               Map<String, String> audioFiles, Metadata m, long elapsedMs, long durationMs,
                               String generator, Map<String, List<Pages.Page>> pages) {
        List<Pages.Entry> entries = Pages.entries(s, pages);
        boolean paged = entries.stream().anyMatch(e -> e.page() != null);
        Xml x = Xml.document("<!DOCTYPE smil PUBLIC \"-//NISO//DTD dtbsmil 2005-2//EN\" "
                + "\"http://www.daisy.org/z3986/2005/dtbsmil-2005-2.dtd\">");
        x.start("smil").namespace(null, SMIL_NS);
        x.start("head");
        DaisyText.meta(x, "dtb:uid", m.identifier());
        DaisyText.meta(x, "dtb:generator", generator);
        DaisyText.meta(x, "dtb:totalElapsedTime", DaisyText.clock(elapsedMs));
        if (paged) { // page numbers a player may skip or announce
            x.start("customAttributes");
            x.empty("customTest", "id", PAGENUM, "defaultState", "false", "override", "visible");
            x.end();
        }
        x.end();
        x.start("body");
        x.start("seq", "id", "seq-" + s.heading().id(), "dur", DaisyText.clock(durationMs), "fill", "remove");
        for (Pages.Entry entry : entries) {
            if (entry.page() != null) {
                String id = entry.page().id();
                x.start("par", "id", "par-" + id, "class", PAGENUM, "customTest", PAGENUM);
                x.empty("text", "id", "txt-" + id, "src", DTBOOK + "#" + id);
                x.end();
                continue;
            }
            Paragraph p = entry.block();
            NarratedBlock b = spoken(book, narration, p);
            List<Clip> clips = b == null ? List.of() : Sections.clips(b);
            for (int k = 0; k < p.sentences().size(); k++) {
                Sentence sentence = p.sentences().get(k);
                x.start("par", "id", "par-" + sentence.id());
                x.empty("text", "id", "txt-" + sentence.id(), "src", DTBOOK + "#" + sentence.id());
                if (k < clips.size()) {
                    Clip clip = clips.get(k);
                    x.empty("audio", "id", "aud-" + sentence.id(), "src", audioFiles.get(b.file()), "clipBegin",
                            DaisyText.clock(clip.beginMs()), "clipEnd", DaisyText.clock(clip.endMs()));
                }
                x.end();
            }
        }
        x.end().end().end();
        return x.finish();
    }

    /** The text: the title and authors in the front matter, each section a {@code levelN} of the body. */
    private static byte[] dtbook(Book book, List<Section> sections, Map<String, List<Pages.Page>> pages) {
        Metadata m = book.metadata();
        Language lang = m.language();
        Xml x = Xml.document("<!DOCTYPE dtbook PUBLIC \"-//NISO//DTD dtbook 2005-3//EN\" "
                + "\"http://www.daisy.org/z3986/2005/dtbook-2005-3.dtd\">");
        x.start("dtbook", "version", "2005-3", "xml:lang", lang.tag(), "dir", lang.dir()).namespace(null, DTBOOK_NS);
        x.start("head");
        DaisyText.meta(x, "dtb:uid", m.identifier());
        DaisyText.meta(x, "dc:Title", m.title());
        m.authors().forEach(a -> DaisyText.meta(x, "dc:Creator", a));
        DaisyText.meta(x, "dc:Date", DaisyText.date(m));
        DaisyText.meta(x, "dc:Publisher", m.publisher().orElse("rawi"));
        DaisyText.meta(x, "dc:Identifier", m.identifier());
        DaisyText.meta(x, "dc:Language", lang.tag());
        DaisyText.meta(x, "dc:Format", "ANSI/NISO Z39.86-2005");
        x.end();
        x.start("book");
        x.start("frontmatter");
        x.leaf("doctitle", m.title(), "id", "doctitle");
        for (int i = 0; i < m.authors().size(); i++) {
            x.leaf("docauthor", m.authors().get(i), "id", "docauthor-" + (i + 1));
        }
        x.end();
        x.start("bodymatter", "id", "bodymatter");
        Deque<Integer> open = new ArrayDeque<>();
        Deque<boolean[]> filled = new ArrayDeque<>(); // whether each open level holds more than its heading
        for (Section s : sections) {
            while (!open.isEmpty() && open.peek() >= s.level()) {
                close(x, open, filled);
            }
            while ((open.isEmpty() ? 0 : open.peek()) < s.level()) { // sections never skip a level
                int level = (open.isEmpty() ? 0 : open.peek()) + 1;
                if (!filled.isEmpty()) {
                    filled.peek()[0] = true; // a level inside counts as its parent's content
                }
                x.start("level" + level, "id", "level-" + s.heading().id() + (level < s.level() ? "-" + level : ""),
                        "class", s.title() && book.imported().isEmpty() ? "titlepage" : null);
                open.push(level);
                filled.push(new boolean[] {false});
            }
            for (Pages.Entry entry : Pages.entries(s, pages)) {
                Paragraph p = entry.block();
                if (p == null) {
                    Pages.Page page = entry.page();
                    x.leaf("pagenum", page.label(), "id", page.id(), "page", page.kind(), "smilref",
                            s.smil() + "#par-" + page.id());
                    continue;
                }
                boolean heading = p == s.heading() && p.kind() == Paragraph.Kind.HEADING;
                block(x, heading ? "h" + s.level() : "p", p, lang, s.smil());
                filled.peek()[0] |= !heading;
            }
        }
        while (!open.isEmpty()) {
            close(x, open, filled);
        }
        x.end().end().end();
        return x.finish();
    }

    /**
     * Closes the innermost level; DTBook wants something after a level's heading, so a heading with nothing under it
     * (the next heading is its sibling's) gets an empty paragraph.
     */
    private static void close(Xml x, Deque<Integer> open, Deque<boolean[]> filled) {
        if (!filled.peek()[0]) {
            x.empty("p");
        }
        x.end();
        open.pop();
        filled.pop();
    }

    private static void block(Xml x, String element, Paragraph p, Language book, String smil) {
        boolean foreign = !p.language().tag().equals(book.tag());
        x.start(element, "id", p.id(), "xml:lang", foreign ? p.language().tag() : null,
                "dir", foreign && !p.language().dir().equals(book.dir()) ? p.language().dir() : null);
        DaisyText.sentences(x, p, "sent", s -> new String[] {"id", s.id(), "smilref", smil + "#par-" + s.id()});
        x.end();
    }

}
