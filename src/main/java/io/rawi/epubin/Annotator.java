package io.rawi.epubin;

import io.rawi.book.Granularity;
import io.rawi.book.Language;
import io.rawi.book.Paragraph;
import io.rawi.book.Segmenter;
import io.rawi.book.Sentence;
import io.rawi.book.Word;
import io.rawi.internal.ZeroPad;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Gives the narrated blocks of an existing content document their ids without changing what it shows: each block
 * element with text (a paragraph, heading, list item, caption, cell…) gets a paragraph id, or, when it already has an
 * id that links may point at, a span with that id around its content. Each sentence and word is wrapped in a span when
 * its ends fall between elements or inside plain text of the block; where markup crosses a sentence (a sentence that
 * starts inside an {@code <em>}), the block is narrated as one sentence, and a word that crosses markup gets no span.
 */
final class Annotator {
    /** Elements whose text is narrated as one block when they hold no other such block. */
    static final Set<String> TEXT_BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd",
            "blockquote", "figcaption", "caption", "td", "th", "pre", "div", "address", "summary");
    private static final Set<String> CONTAINERS = Set.of("ul", "ol", "dl", "table", "section", "article", "figure",
            "aside", "nav", "header", "footer", "main", "hr", "details", "tbody", "thead", "tfoot", "tr");
    static final Set<String> SILENT = Set.of("rt", "rp", "script", "style");

    private final Granularity granularity;
    private final Set<String> wordless = new java.util.HashSet<>();
    private int counter;
    private final String prefix;

    Annotator(Granularity granularity, int firstParagraph) {
        this(granularity, firstParagraph, "p");
    }

    /** @param prefix the paragraph ids' prefix, one the book's own ids do not use ({@link Ids#freePrefix}) */
    Annotator(Granularity granularity, int firstParagraph, String prefix) {
        this.granularity = granularity;
        this.counter = firstParagraph - 1;
        this.prefix = prefix;
    }

    int lastParagraph() {
        return counter;
    }

    /** The sentences annotated so far whose words could not all get spans; clears the list. */
    Set<String> takeWordless() {
        Set<String> out = Set.copyOf(wordless);
        wordless.clear();
        return out;
    }

    /** Annotates the blocks under {@code body}, returning them in reading order. */
    List<Paragraph> annotate(Element body, Language documentLanguage) {
        List<Element> leaves = new ArrayList<>();
        collect(body, leaves);
        List<Paragraph> out = new ArrayList<>();
        for (Element leaf : leaves) {
            TextRanges.Mapped m = TextRanges.Mapped.of(leaf);
            if (!Segmenter.speakable(m.text)) {
                continue;
            }
            String id = ZeroPad.of(prefix, ++counter, 4);
            Element container = leaf;
            if (leaf.id().isEmpty()) {
                leaf.attr("id", id);
            } else {
                container = TextRanges.wrapAll(leaf, id);
            }
            Paragraph.Kind kind = leaf.tagName().matches("h[1-6]") ? Paragraph.Kind.HEADING : Paragraph.Kind.BODY;
            Paragraph p = Segmenter.paragraph(id, kind, m.text, language(leaf, documentLanguage));
            if (granularity != Granularity.PARAGRAPH) {
                p = spans(container, p);
            }
            markRuns(container, p);
            out.add(p);
        }
        return out;
    }

    private static void collect(Element e, List<Element> into) {
        if (SILENT.contains(e.tagName()) || e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden"))) {
            return;
        }
        boolean block = TEXT_BLOCKS.contains(e.tagName());
        if (block && !hasBlockDescendant(e)) {
            into.add(e);
            return;
        }
        for (Element c : e.children()) {
            collect(c, into);
        }
    }

    private static boolean hasBlockDescendant(Element e) {
        for (Element d : e.select("*")) {
            if (d != e && (TEXT_BLOCKS.contains(d.tagName()) || CONTAINERS.contains(d.tagName()))) {
                return true;
            }
        }
        return false;
    }

    private static Language language(Element e, Language fallback) {
        for (Element a = e; a != null; a = a.parent()) {
            Optional<Language> declared = Language.declared(a.hasAttr("xml:lang") ? a.attr("xml:lang") : a.attr("lang"));
            if (declared.isPresent()) {
                return declared.get();
            }
        }
        return fallback;
    }

    /**
     * Wraps the runs of {@code p} written in another script than its language's (English words in a Hebrew book) in
     * spans that give their language and direction, as rawi's own documents do, so that reading systems lay them out
     * and voice them right; a run whose markup already says its language is left as it is. A run over several text
     * nodes (word spans) is wrapped node by node. Last run first, so that the offsets of the others stay valid.
     */
    private static void markRuns(Element container, Paragraph p) {
        List<io.rawi.book.LanguageRuns.Run> runs = io.rawi.book.LanguageRuns.find(p.text(), p.language());
        for (int r = runs.size() - 1; r >= 0; r--) {
            io.rawi.book.LanguageRuns.Run run = runs.get(r);
            Language lang = run.language();
            if (lang.tag().equals("und") || lang.primary().equals(p.language().primary())) {
                continue;
            }
            TextRanges.Mapped m = TextRanges.Mapped.of(container);
            if (m.nodes.size() < run.end() || !m.text.startsWith(p.text())) {
                return; // the text moved under the spans: leave the runs unmarked rather than mark the wrong words
            }
            int end = run.end();
            while (end > run.start()) {
                TextNode node = m.nodes.get(end - 1);
                int start = end - 1;
                while (start > run.start() && m.nodes.get(start - 1) == node) {
                    start--;
                }
                Element parent = node.parent();
                boolean blank = p.text().substring(start, end).isBlank(); // the space between two word spans
                if (parent != null && !blank && !language(parent, p.language()).tag().equals(lang.tag())) {
                    int from = m.offsets.get(start);
                    int to = m.offsets.get(end - 1) + 1;
                    TextNode middle = from > 0 ? node.splitText(from) : node;
                    if (to - from < middle.getWholeText().length()) {
                        middle.splitText(to - from);
                    }
                    Element span = new Element("span").attr("lang", lang.tag()).attr("xml:lang", lang.tag())
                            .attr("dir", lang.dir());
                    middle.before(span);
                    span.appendChild(middle);
                }
                end = start;
            }
        }
    }

    /** Wraps words, then sentences, in spans; falls back to one sentence (and no word spans) where markup crosses. */
    private Paragraph spans(Element container, Paragraph p) {
        List<Sentence> sentences = p.sentences();
        // words first, last to first, so that earlier offsets stay valid
        for (int i = sentences.size() - 1; i >= 0 && granularity == Granularity.WORD; i--) {
            Sentence s = sentences.get(i);
            for (int w = s.words().size() - 1; w >= 0; w--) {
                Word word = s.words().get(w);
                TextRanges.Mapped m = TextRanges.Mapped.of(container);
                if (!TextRanges.wrapInText(m, word.start(), word.end(), word.id())) {
                    wordless.add(s.id());
                }
            }
        }
        boolean every = true;
        for (int i = sentences.size() - 1; i >= 0; i--) {
            Sentence s = sentences.get(i);
            TextRanges.Mapped m = TextRanges.Mapped.of(container);
            if (!TextRanges.wrapRange(container, m, s.start(), s.end(), s.id())) {
                every = false;
                break;
            }
        }
        if (!every) {
            // undo is not needed: spans already added carry unused ids; narrate the block as one sentence
            String sid = p.id() + "s01";
            for (Element stale : container.select("span[id^=" + p.id() + "s]")) {
                if (stale.id().matches(java.util.regex.Pattern.quote(p.id()) + "s\\d+")) {
                    stale.unwrap();
                }
            }
            TextRanges.wrapAll(container, sid);
            List<Word> words = new ArrayList<>();
            int n = 0;
            for (Sentence s : sentences) {
                for (Word w : s.words()) {
                    words.add(new Word(ZeroPad.of(sid + "w", ++n, 2), w.start(), w.end(), w.text()));
                }
            }
            if (granularity == Granularity.WORD) {
                wordless.add(sid);
            }
            Sentence one = new Sentence(sid, 0, p.text().length(), p.text(), words);
            return new Paragraph(p.id(), p.kind(), p.text(), p.language(), List.of(one));
        }
        return p;
    }

}
