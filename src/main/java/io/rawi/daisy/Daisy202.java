package io.rawi.daisy;

import io.rawi.audio.Clip;
import io.rawi.audio.NarratedBlock;
import io.rawi.book.Block;
import io.rawi.book.Book;
import io.rawi.book.Chapter;
import io.rawi.book.Image;
import io.rawi.book.Language;
import io.rawi.book.Metadata;
import io.rawi.book.Paragraph;
import io.rawi.book.Sentence;
import io.rawi.epub.Xml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DAISY 2.02 talking book, "full text and full audio", from the same narration as the EPUB: {@code ncc.html} (the
 * navigation centre: the book's metadata and every heading), {@code content.html} (the text, one {@code span} per
 * sentence), one SMIL 1.0 file per section with a {@code par} per sentence pointing at its text and its audio clip,
 * {@code master.smil}, and the audio files. DAISY 2.02 keeps every file in one folder. A book that came as an EPUB
 * gives its documents' text (headings and paragraphs; not its images or tables), a section per document and per
 * heading.
 *
 * <p>Clips are the EPUB's sentence clips, widened so that each file is covered end to end (the first sentence from
 * 0, the last to the file's end): the SMIL durations then add up to the audio's length and to {@code ncc:totalTime}.
 */
public final class Daisy202 {
    /** The folder, inside the book's folder, that holds the talking book. */
    public static final String FOLDER = "daisy202";
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String XHTML_DOCTYPE = "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
            + "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">";
    static final String SMIL_DOCTYPE = "<!DOCTYPE smil PUBLIC \"-//W3C//DTD SMIL 1.0//EN\" "
            + "\"http://www.w3.org/TR/REC-smil/SMIL10.dtd\">";
    private static final String CONTENT = "content.html";

    private Daisy202() {
    }

    /** Whether the book has text a DAISY book can show (see {@link Sections#hasText}). */
    public static boolean hasText(Book book) {
        return Sections.hasText(book);
    }

    /**
     * Writes the talking book into {@code folder}.
     *
     * @param bookFolder where the narration's audio files are ({@link NarratedBlock#file()} is relative to it)
     * @param narrator   the synthetic voice, for {@code ncc:narrator}; null for a text-only book ({@code textNcc}:
     *                   the same NCC, text and SMIL files, without audio)
     * @param generator  what made the book, for {@code ncc:generator}
     */
    public static void write(Book book, Map<String, NarratedBlock> narration, Path bookFolder, Path folder,
                             String narrator, String generator) throws IOException {
        Files.createDirectories(folder);
        Map<String, org.jsoup.nodes.Document> parsed = Sections.parsed(book);
        List<Section> sections = Sections.of(book, parsed);
        Map<String, List<Pages.Page>> pages = Pages.of(book, parsed);
        Map<String, Long> durations = new LinkedHashMap<>();
        Map<String, String> audioFiles = new LinkedHashMap<>();
        for (Section section : sections) {
            for (Paragraph p : section.blocks()) {
                NarratedBlock b = narration.get(p.id());
                if (b != null && !book.silent().contains(p.id())) {
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
            Files.write(folder.resolve(s.smil()), smil(s, book, narration, audioFiles, m, elapsed, duration,
                    generator, pages));
            durations.put(s.smil(), duration);
            elapsed += duration;
        }
        int files = 2 + sections.size() + 1 + audioFiles.size();
        List<Image> images = new ArrayList<>();
        for (Chapter c : book.chapters()) {
            for (Block b : c.blocks()) {
                if (b instanceof Block.Figure f) {
                    images.add(f.image());
                    Files.write(folder.resolve(DaisyText.imageName(f.image())), f.image().bytes());
                }
            }
        }
        files += images.size();
        Files.write(folder.resolve(CONTENT), content(book, sections, pages));
        Files.write(folder.resolve("master.smil"), master(sections, m, elapsed, generator));
        Files.write(folder.resolve("ncc.html"), ncc(sections, book, elapsed, files, narrator, generator, pages));
    }

    private static byte[] smil(Section s, Book book, Map<String, NarratedBlock> narration,
                               Map<String, String> audioFiles, Metadata m, long elapsedMs, long durationMs,
                               String generator, Map<String, List<Pages.Page>> pages) {
        Xml x = smilHead(m, generator, "ncc:totalElapsedTime", DaisyText.clock(elapsedMs), "ncc:timeInThisSmil",
                DaisyText.clock(durationMs));
        x.start("body");
        x.start("seq", "dur", DaisyText.seconds(durationMs));
        for (Pages.Entry entry : Pages.entries(s, pages)) {
            if (entry.page() != null) { // the page's number, to go to; the narration does not say it
                String id = entry.page().id();
                x.start("par", "endsync", "last", "id", "par-" + id);
                x.empty("text", "src", CONTENT + "#" + id, "id", "txt-" + id);
                x.end();
                continue;
            }
            Paragraph p = entry.block();
            NarratedBlock b = book.silent().contains(p.id()) ? null : narration.get(p.id());
            List<Clip> clips = b == null ? List.of() : Sections.clips(b);
            for (int k = 0; k < p.sentences().size(); k++) {
                Sentence sentence = p.sentences().get(k);
                x.start("par", "endsync", "last", "id", "par-" + sentence.id());
                x.empty("text", "src", CONTENT + "#" + sentence.id(), "id", "txt-" + sentence.id());
                Clip clip = k < clips.size() ? clips.get(k) : null;
                if (clip != null) {
                    x.empty("audio", "src", audioFiles.get(b.file()),
                            "clip-begin", "npt=" + DaisyText.seconds(clip.beginMs()),
                            "clip-end", "npt=" + DaisyText.seconds(clip.endMs()), "id", "aud-" + sentence.id());
                }
                x.end();
            }
        }
        x.end().end().end();
        return x.finish();
    }

    /** A SMIL 1.0 file's start, up to its body: the DAISY metadata, {@code moreMetas} (name, content pairs), layout. */
    private static Xml smilHead(Metadata m, String generator, String... moreMetas) {
        Xml x = Xml.document(SMIL_DOCTYPE);
        x.start("smil");
        x.start("head");
        DaisyText.meta(x, "dc:format", "Daisy 2.02");
        DaisyText.meta(x, "dc:identifier", m.identifier());
        DaisyText.meta(x, "dc:title", m.title());
        DaisyText.meta(x, "ncc:generator", generator);
        for (int i = 0; i < moreMetas.length; i += 2) {
            DaisyText.meta(x, moreMetas[i], moreMetas[i + 1]);
        }
        x.start("layout");
        x.empty("region", "id", "txtView");
        x.end();
        x.end();
        return x;
    }

    private static byte[] master(List<Section> sections, Metadata m, long totalMs, String generator) {
        Xml x = smilHead(m, generator, "ncc:timeInThisSmil", DaisyText.clock(totalMs));
        x.start("body");
        for (Section s : sections) {
            x.empty("ref", "src", s.smil(), "title", s.label(), "id", "ref-" + s.heading().id());
        }
        x.end().end();
        return x.finish();
    }

    private static byte[] ncc(List<Section> sections, Book book, long totalMs, int files, String narrator,
                              String generator, Map<String, List<Pages.Page>> pages) {
        Pages.Counts counts = Pages.Counts.of(pages);
        Metadata m = book.metadata();
        Language lang = m.language();
        Xml x = Xml.document(XHTML_DOCTYPE);
        x.start("html", "lang", lang.tag(), "xml:lang", lang.tag()).namespace(null, XHTML); // the NCC has no dir
        x.start("head");
        x.leaf("title", m.title());
        x.empty("meta", "http-equiv", "Content-type", "content", "text/html; charset=utf-8");
        DaisyText.meta(x, "dc:title", m.title());
        for (String author : m.authors().isEmpty() ? List.of(generator) : m.authors()) {
            DaisyText.meta(x, "dc:creator", author);
        }
        DaisyText.meta(x, "dc:date", DaisyText.date(m));
        DaisyText.meta(x, "dc:format", "Daisy 2.02");
        DaisyText.meta(x, "dc:identifier", m.identifier());
        DaisyText.meta(x, "dc:language", lang.tag());
        DaisyText.meta(x, "dc:publisher", m.publisher().orElse(generator));
        m.subjects().forEach(subject -> DaisyText.meta(x, "dc:subject", subject));
        DaisyText.meta(x, "ncc:charset", "utf-8");
        DaisyText.meta(x, "ncc:generator", generator);
        if (narrator != null) {
            DaisyText.meta(x, "ncc:narrator", narrator);
        }
        DaisyText.meta(x, "ncc:multimediaType", narrator != null ? "audioFullText" : "textNcc");
        DaisyText.meta(x, "ncc:totalTime", DaisyText.clock(totalMs));
        DaisyText.meta(x, "ncc:tocItems", String.valueOf(sections.size() + counts.total())); // every heading and page
        DaisyText.meta(x, "ncc:depth", String.valueOf(sections.stream().mapToInt(Section::level).max().orElse(1)));
        DaisyText.meta(x, "ncc:files", String.valueOf(files));
        DaisyText.meta(x, "ncc:pageFront", String.valueOf(counts.front()));
        DaisyText.meta(x, "ncc:pageNormal", String.valueOf(counts.normal()));
        DaisyText.meta(x, "ncc:pageSpecial", String.valueOf(counts.special()));
        DaisyText.meta(x, "ncc:maxPageNormal", String.valueOf(counts.maxNormal()));
        DaisyText.meta(x, "ncc:setInfo", "1 of 1");
        DaisyText.meta(x, "ncc:producedDate", m.modified().toString().substring(0, 10));
        x.end();
        x.start("body");
        for (Section s : sections) {
            String first = s.heading().sentences().get(0).id();
            x.start("h" + s.level(), "id", "ncc-" + s.heading().id(), "class", s.title() ? "title" : null);
            x.startInline("a", "href", s.smil() + "#par-" + first).text(s.label()).endInline();
            x.end();
            for (Pages.Entry entry : Pages.entries(s, pages)) {
                if (entry.page() != null) {
                    Pages.Page page = entry.page();
                    x.start("span", "class", "page-" + page.kind(), "id", "ncc-" + page.id());
                    x.startInline("a", "href", s.smil() + "#par-" + page.id()).text(page.label()).endInline();
                    x.end();
                }
            }
        }
        x.end().end();
        return x.finish();
    }

    private static byte[] content(Book book, List<Section> sections, Map<String, List<Pages.Page>> pages) {
        Metadata m = book.metadata();
        Language lang = m.language();
        Xml x = Xml.document(XHTML_DOCTYPE);
        x.start("html", "lang", lang.tag(), "xml:lang", lang.tag(), "dir", lang.dir()).namespace(null, XHTML);
        x.start("head");
        x.leaf("title", m.title());
        x.empty("meta", "http-equiv", "Content-type", "content", "text/html; charset=utf-8");
        x.end();
        x.start("body");
        if (book.imported().isPresent()) { // the text of each section, its heading at the level the NCC gives it
            for (Section s : sections) {
                for (Pages.Entry entry : Pages.entries(s, pages)) {
                    Paragraph p = entry.block();
                    if (p == null) {
                        x.startInline("span", "class", "page-" + entry.page().kind(), "id", entry.page().id())
                                .text(entry.page().label()).endInline();
                    } else {
                        block(x, p == s.heading() && p.kind() == Paragraph.Kind.HEADING ? "h" + s.level() : "p", p,
                                lang);
                    }
                }
            }
        }
        for (Paragraph p : book.titlePage()) {
            block(x, p.kind() == Paragraph.Kind.TITLE ? "h1" : "p", p, lang);
        }
        for (Chapter c : book.chapters()) {
            block(x, "h1", c.heading(), lang);
            int previousLevel = 1;
            for (Block b : c.blocks()) {
                if (b instanceof Block.Text t) {
                    block(x, "p", t.paragraph(), lang);
                } else if (b instanceof Block.Heading h) {
                    int level = Math.min(h.level(), previousLevel + 1);
                    previousLevel = level;
                    block(x, "h" + level, h.paragraph(), lang);
                } else if (b instanceof Block.ItemList l) {
                    x.start(l.ordered() ? "ol" : "ul");
                    l.items().forEach(p -> block(x, "li", p, lang));
                    x.end();
                } else if (b instanceof Block.Quote q) {
                    x.start("blockquote");
                    q.body().forEach(p -> block(x, "p", p, lang));
                    x.end();
                } else if (b instanceof Block.Break) {
                    x.empty("hr");
                } else if (b instanceof Block.Figure f) {
                    x.start("div", "class", "figure");
                    x.empty("img", "src", DaisyText.imageName(f.image()), "alt", f.image().alt().orElse(""));
                    f.caption().ifPresent(cap -> block(x, "p", cap, lang));
                    x.end();
                }
            }
        }
        x.end().end();
        return x.finish();
    }

    /** A block of text with a span per sentence; its language and direction when they are not the book's. */
    private static void block(Xml x, String element, Paragraph p, Language book) {
        boolean foreign = !p.language().tag().equals(book.tag());
        x.start(element, "id", p.id(), "lang", foreign ? p.language().tag() : null,
                "xml:lang", foreign ? p.language().tag() : null,
                "dir", foreign && !p.language().dir().equals(book.dir()) ? p.language().dir() : null);
        DaisyText.sentences(x, p, "span", s -> new String[] {"id", s.id(), "class", "sentence"});
        x.end();
    }

}
