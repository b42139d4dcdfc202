package io.rawi.daisy;

import io.rawi.audio.Clip;
import io.rawi.audio.NarratedBlock;
import io.rawi.book.Block;
import io.rawi.book.Book;
import io.rawi.book.Chapter;
import io.rawi.book.Image;
import io.rawi.book.Imported;
import io.rawi.book.Language;
import io.rawi.book.Metadata;
import io.rawi.book.Paragraph;
import io.rawi.book.Sentence;
import io.rawi.epub.Xml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    /** A section: one SMIL file, its heading (level 1 to 6; the title is level 1) and its blocks in order. */
    record Section(String smil, int level, Paragraph heading, List<Paragraph> blocks, boolean title,
                           String label) {
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
        Map<String, org.jsoup.nodes.Document> parsed = parsed(book);
        List<Section> sections = sections(book, parsed);
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
            place(bookFolder.resolve(a.getKey()), folder.resolve(a.getValue()));
        }
        Metadata m = book.metadata();
        long elapsed = 0;
        for (Section s : sections) {
            long duration = duration(s, book, narration);
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
                    Files.write(folder.resolve(imageName(f.image())), f.image().bytes());
                }
            }
        }
        files += images.size();
        Files.write(folder.resolve(CONTENT), content(book, sections, pages));
        Files.write(folder.resolve("master.smil"), master(sections, m, elapsed, generator));
        Files.write(folder.resolve("ncc.html"), ncc(sections, book, elapsed, files, narrator, generator, pages));
    }

    /** Whether the book has text a DAISY book can carry (a book of images or drawings alone has none). */
    public static boolean hasText(Book book) {
        return book.imported().map(in -> in.documents().stream().anyMatch(d -> !d.paragraphs().isEmpty()))
                .orElse(true);
    }

    /**
     * Each content document of a book that came as an EPUB, parsed once (for its headings and its pages), by its id;
     * none for other books.
     */
    static Map<String, org.jsoup.nodes.Document> parsed(Book book) {
        Map<String, org.jsoup.nodes.Document> parsed = new java.util.HashMap<>();
        book.imported().ifPresent(in -> in.documents().forEach(d -> parsed.put(d.id(), org.jsoup.Jsoup.parse(
                new String(d.xhtml(), java.nio.charset.StandardCharsets.UTF_8), "",
                org.jsoup.parser.Parser.xmlParser()))));
        return parsed;
    }

    /**
     * The title page, then each chapter and each section heading inside it, each a SMIL file of its own.
     *
     * @param parsed the book's documents, parsed (see {@link #parsed})
     */
    static List<Section> sections(Book book, Map<String, org.jsoup.nodes.Document> parsed) {
        if (book.imported().isPresent()) {
            return imported(book, book.imported().get(), parsed);
        }
        List<Section> sections = new ArrayList<>();
        int n = 0;
        List<Paragraph> title = new ArrayList<>(book.titlePage());
        if (title.isEmpty()) {
            throw new IllegalArgumentException("a DAISY 2.02 book needs its title page");
        }
        sections.add(new Section(smilName(++n), 1, title.get(0), title, true, book.metadata().title()));
        for (Chapter c : book.chapters()) {
            List<Paragraph> blocks = new ArrayList<>();
            blocks.add(c.heading());
            Section current = new Section(smilName(++n), 1, c.heading(), blocks, false, c.heading().text());
            sections.add(current);
            int previousLevel = 1;
            for (Block b : c.blocks()) {
                if (b instanceof Block.Heading h) {
                    int level = Math.min(h.level(), previousLevel + 1); // no level skipped, as the NCC requires
                    previousLevel = level;
                    List<Paragraph> own = new ArrayList<>();
                    own.add(h.paragraph());
                    current = new Section(smilName(++n), level, h.paragraph(), own, false, h.paragraph().text());
                    sections.add(current);
                } else {
                    b.paragraphs().forEach(current.blocks()::add);
                }
            }
        }
        return sections;
    }

    /**
     * A book that came as an EPUB: each content document, and each heading inside one, starts a SMIL file; the
     * heading's level is its element's in the document (h1 to h6), none skipped. The NCC's title entry leads to the
     * first of them.
     */
    private static List<Section> imported(Book book, Imported in, Map<String, org.jsoup.nodes.Document> parsed) {
        List<Section> sections = new ArrayList<>();
        Map<String, Integer> levels = new java.util.HashMap<>();
        in.documents().forEach(d -> levels.putAll(headingLevels(d, parsed.get(d.id()))));
        int previousLevel = 0;
        for (Imported.Document d : in.documents()) {
            Section current = null;
            for (Paragraph p : d.paragraphs()) {
                Integer level = p.kind() == Paragraph.Kind.HEADING ? levels.get(p.id()) : null;
                if (level != null || current == null) {
                    int l = level == null ? 1 : Math.min(level, previousLevel + 1);
                    previousLevel = l;
                    current = new Section(smilName(sections.size() + 1), l, p, new ArrayList<>(),
                            sections.isEmpty(), sections.isEmpty() ? book.metadata().title()
                            : level != null ? p.text() : d.title());
                    sections.add(current);
                }
                current.blocks().add(p);
            }
        }
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("a DAISY 2.02 book needs text to narrate");
        }
        return sections;
    }

    /** The level (1 to 6) of each heading paragraph of {@code d} ({@code doc} parsed), from its element. */
    private static Map<String, Integer> headingLevels(Imported.Document d, org.jsoup.nodes.Document doc) {
        Map<String, Integer> levels = new java.util.HashMap<>();
        for (Paragraph p : d.paragraphs()) {
            org.jsoup.nodes.Element e = doc.getElementById(p.id());
            for (; e != null; e = e.parent()) {
                if (e.normalName().matches("h[1-6]")) {
                    levels.put(p.id(), e.normalName().charAt(1) - '0');
                    break;
                }
            }
        }
        return levels;
    }

    private static String smilName(int n) {
        return String.format(Locale.ROOT, "s%04d.smil", n);
    }

    /** The clips of a block as the DAISY book plays them: the first from 0, the last to the end of the file. */
    static List<Clip> clips(NarratedBlock b) {
        List<Clip> clips = new ArrayList<>(b.sentences());
        Clip first = clips.get(0);
        clips.set(0, new Clip(first.id(), 0, first.endMs(), List.of(), first.estimated()));
        Clip last = clips.get(clips.size() - 1);
        clips.set(clips.size() - 1, new Clip(last.id(), last.beginMs(), Math.max(last.endMs(), b.durationMs()),
                List.of(), last.estimated()));
        return clips;
    }

    static long duration(Section s, Book book, Map<String, NarratedBlock> narration) {
        long total = 0;
        for (Paragraph p : s.blocks()) {
            NarratedBlock b = narration.get(p.id());
            if (b != null && !book.silent().contains(p.id())) {
                for (Clip c : clips(b)) {
                    total += c.endMs() - c.beginMs();
                }
            }
        }
        return total;
    }

    private static byte[] smil(Section s, Book book, Map<String, NarratedBlock> narration,
                               Map<String, String> audioFiles, Metadata m, long elapsedMs, long durationMs,
                               String generator, Map<String, List<Pages.Page>> pages) {
        Xml x = smilHead(m, generator, "ncc:totalElapsedTime", clock(elapsedMs), "ncc:timeInThisSmil",
                clock(durationMs));
        x.start("body");
        x.start("seq", "dur", seconds(durationMs));
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
            List<Clip> clips = b == null ? List.of() : clips(b);
            for (int k = 0; k < p.sentences().size(); k++) {
                Sentence sentence = p.sentences().get(k);
                x.start("par", "endsync", "last", "id", "par-" + sentence.id());
                x.empty("text", "src", CONTENT + "#" + sentence.id(), "id", "txt-" + sentence.id());
                Clip clip = k < clips.size() ? clips.get(k) : null;
                if (clip != null) {
                    x.empty("audio", "src", audioFiles.get(b.file()), "clip-begin", "npt=" + seconds(clip.beginMs()),
                            "clip-end", "npt=" + seconds(clip.endMs()), "id", "aud-" + sentence.id());
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
        meta(x, "dc:format", "Daisy 2.02");
        meta(x, "dc:identifier", m.identifier());
        meta(x, "dc:title", m.title());
        meta(x, "ncc:generator", generator);
        for (int i = 0; i < moreMetas.length; i += 2) {
            meta(x, moreMetas[i], moreMetas[i + 1]);
        }
        x.start("layout");
        x.empty("region", "id", "txtView");
        x.end();
        x.end();
        return x;
    }

    private static byte[] master(List<Section> sections, Metadata m, long totalMs, String generator) {
        Xml x = smilHead(m, generator, "ncc:timeInThisSmil", clock(totalMs));
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
        meta(x, "dc:title", m.title());
        for (String author : m.authors().isEmpty() ? List.of(generator) : m.authors()) {
            meta(x, "dc:creator", author);
        }
        meta(x, "dc:date", date(m));
        meta(x, "dc:format", "Daisy 2.02");
        meta(x, "dc:identifier", m.identifier());
        meta(x, "dc:language", lang.tag());
        meta(x, "dc:publisher", m.publisher().orElse(generator));
        m.subjects().forEach(subject -> meta(x, "dc:subject", subject));
        meta(x, "ncc:charset", "utf-8");
        meta(x, "ncc:generator", generator);
        if (narrator != null) {
            meta(x, "ncc:narrator", narrator);
        }
        meta(x, "ncc:multimediaType", narrator != null ? "audioFullText" : "textNcc");
        meta(x, "ncc:totalTime", clock(totalMs));
        meta(x, "ncc:tocItems", String.valueOf(sections.size() + counts.total())); // every heading and page
        meta(x, "ncc:depth", String.valueOf(sections.stream().mapToInt(Section::level).max().orElse(1)));
        meta(x, "ncc:files", String.valueOf(files));
        meta(x, "ncc:pageFront", String.valueOf(counts.front()));
        meta(x, "ncc:pageNormal", String.valueOf(counts.normal()));
        meta(x, "ncc:pageSpecial", String.valueOf(counts.special()));
        meta(x, "ncc:maxPageNormal", String.valueOf(counts.maxNormal()));
        meta(x, "ncc:setInfo", "1 of 1");
        meta(x, "ncc:producedDate", m.modified().toString().substring(0, 10));
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

    private static void meta(Xml x, String name, String content) {
        x.empty("meta", "name", name, "content", content);
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
                    x.empty("img", "src", imageName(f.image()), "alt", f.image().alt().orElse(""));
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
        sentences(x, p, "span", s -> new String[] {"id", s.id(), "class", "sentence"});
        x.end();
    }

    /** The text of {@code p}, each sentence in an {@code element} with {@code attributes}, the text between as is. */
    static void sentences(Xml x, Paragraph p, String element,
                          java.util.function.Function<Sentence, String[]> attributes) {
        String text = p.text();
        int cursor = 0;
        for (Sentence s : p.sentences()) {
            if (s.start() > cursor) {
                x.text(text.substring(cursor, s.start()));
            }
            x.startInline(element, attributes.apply(s)).text(text.substring(s.start(), s.end())).endInline();
            cursor = s.end();
        }
        if (cursor < text.length()) {
            x.text(text.substring(cursor));
        }
    }

    static String imageName(Image image) {
        return image.name().replace('/', '-');
    }

    /** A file of the narration, linked where the file system allows (no second copy of the audio), else copied. */
    static void place(Path from, Path to) throws IOException {
        Files.deleteIfExists(to);
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The book's date as W3CDTF wants it: the publication date when it is one, else the day the book was made. */
    static String date(Metadata m) {
        java.util.regex.Pattern w3cdtf = java.util.regex.Pattern.compile("^\\d{4}(-\\d{2}(-\\d{2})?)?");
        return m.published().map(d -> w3cdtf.matcher(d.strip())).filter(java.util.regex.Matcher::find)
                .map(java.util.regex.Matcher::group).orElse(m.modified().toString().substring(0, 10));
    }

    /** A SMIL full clock value, {@code h:mm:ss.mmm}. */
    static String clock(long ms) {
        return String.format(Locale.ROOT, "%d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                ms % 1000);
    }

    /** A SMIL timecount in seconds, {@code 12.345s}. */
    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%d.%03ds", ms / 1000, ms % 1000);
    }
}
