package io.rawi.daisy;

import io.rawi.audio.Clip;
import io.rawi.audio.NarratedBlock;
import io.rawi.book.Block;
import io.rawi.book.Book;
import io.rawi.book.Chapter;
import io.rawi.book.Imported;
import io.rawi.book.Paragraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A book's DAISY sections, shared by both versions: the title page, then each chapter and each heading inside it
 * (for a book that came as an EPUB, each document's own headings), each a SMIL file of its own, with its clips and
 * duration.
 */
final class Sections {
    private Sections() {
    }

    /** Whether the book has text a DAISY book can carry (a book of images or drawings alone has none). */
    static boolean hasText(Book book) {
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
    static List<Section> of(Book book, Map<String, org.jsoup.nodes.Document> parsed) {
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
}
