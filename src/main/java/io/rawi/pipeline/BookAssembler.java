package io.rawi.pipeline;

import io.rawi.book.Block;
import io.rawi.book.Book;
import io.rawi.book.Chapter;
import io.rawi.book.Identifiers;
import io.rawi.book.Image;
import io.rawi.book.Language;
import io.rawi.book.Metadata;
import io.rawi.book.Paragraph;
import io.rawi.book.Segmenter;
import io.rawi.clean.Change;
import io.rawi.clean.CleanOptions;
import io.rawi.clean.CleanResult;
import io.rawi.clean.Cleaner;
import io.rawi.clean.Finding;
import io.rawi.clean.Rules;
import io.rawi.diacritize.Diacritizer;
import io.rawi.epubin.EpubReader;
import io.rawi.error.BadInputException;
import io.rawi.error.RawiException;
import io.rawi.internal.ZeroPad;
import io.rawi.source.Fetcher;
import io.rawi.source.Inputs;
import io.rawi.source.SourceBlock;
import io.rawi.source.SourceDocument;
import io.rawi.source.SourceText;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads, cleans and segments the inputs into a {@link Book}: one chapter per input, paragraphs numbered through the
 * book ({@code p0001}…), chapter headings {@code h01}…, title-page lines {@code t01}, {@code t02}.
 *
 * <p>The title is {@code --title}; else the first input's headline (a short first line without sentence punctuation);
 * else the first sentence of the first paragraph, cut after {@value TitlePage#TITLE_WORDS} words with an ellipsis when longer.
 */
public final class BookAssembler {

    /** The book, what cleaning did to it, and what the readers noticed. */
    public record Assembled(Book book, List<Change> changes, List<Finding> findings, List<String> notes) {
    }

    /** The finding for a block left out or made a scene break because it has nothing to say. */
    public static final String EMPTY_BLOCK = "empty-block";
    private static final String SEPARATORS = "*-‐‑‒–—―~•·⁂⁕※✱"
            + "❦❧=_#+◇◆○●….ـ⸻⸺§‣∙▪★☆";

    private static final Cleaner CLEANER = new Cleaner(Rules.standard());

    public Assembled assemble(ConvertOptions o) throws RawiException {
        Inputs inputs = new Inputs(new Fetcher(o.sources().timeout()), System.in);
        List<SourceDocument> sources = new ArrayList<>();
        for (String location : o.sources().inputs()) {
            Inputs.Raw raw = inputs.raw(location, o.sources().format());
            if (raw.format() == Inputs.Format.EPUB) {
                if (o.sources().inputs().size() > 1) {
                    throw new BadInputException(location + ": an EPUB is converted on its own; give it alone, or use "
                            + "--each to make one book per input");
                }
                return assembleEpub(raw, o);
            }
            sources.add(inputs.read(raw));
        }
        return assemble(sources, o);
    }

    /** An existing EPUB: its documents kept and given ids, its metadata unless the options say otherwise. */
    private static Assembled assembleEpub(Inputs.Raw raw, ConvertOptions o) throws RawiException {
        EpubReader.Result r = EpubReader.read(raw.location(), raw.zipEntries(), o.narration().sync(), o.sources().language(), o.narration().audio(),
                o.narration().renarrate());
        Language language = r.language().orElse(Language.ENGLISH);
        String title = o.book().title().orElse(r.title());
        List<String> authors = o.book().authors().isEmpty() ? r.authors() : o.book().authors();
        List<String> subjects = new ArrayList<>(r.subjects());
        subjects.addAll(o.book().subjects());
        Metadata metadata = new Metadata(title, authors, language,
                o.book().identifier().or(r::identifier).orElseGet(() -> Identifiers.derived(language, title, null)),
                o.book().modified().orElseGet(BookAssembler::now), o.book().publisher().or(r::publisher),
                o.book().description().or(r::description), subjects, o.book().rights().or(r::rights), o.book().published().or(r::date));
        return new Assembled(new Book(metadata, List.of(), List.of(), Optional.of(r.imported()), Set.of()), List.of(), List.of(),
                r.notes());
    }

    /** Cleans and lays out inputs already read: one chapter per chapter of each input, in order. */
    public Assembled assemble(List<SourceDocument> sources, ConvertOptions o) throws BadInputException {
        List<Change> changes = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Chapter> chapters = new ArrayList<>();
        int images = 0;
        StringBuilder allText = new StringBuilder();
        List<SourceText> texts = new ArrayList<>();
        boolean titleFromBody = false;
        sources.forEach(d -> texts.addAll(d.chapters()));
        sources.forEach(d -> notes.addAll(d.notes()));
        List<CleanResult> cleanedChapters = clean(texts, src -> new CleanOptions(o.sources().language().orElse(src.language()),
                o.sources().digits()));
        for (int c = 0; c < texts.size(); c++) {
            SourceText src = texts.get(c);
            Language lang = o.sources().language().orElse(src.language());
            String headingId = ZeroPad.of("h", c + 1, 2);
            CleanResult cleaned = cleanedChapters.get(c);
            List<String> shown = o.narration().vowelledText() && "ar".equals(lang.primary())
                    ? cleaned.paragraphs().stream().map(Diacritizer.arabic()::diacritize).toList() : cleaned.paragraphs();
            List<String> ids = cleaned.ids();
            changes.addAll(cleaned.changes());
            findings.addAll(cleaned.findings());
            int first = src.headline().isPresent() ? 1 : 0;
            List<String> body = shown.subList(first, ids.size());
            String heading = src.headline().isPresent() ? shown.get(0)
                    : texts.size() == 1 && o.book().title().isPresent() ? o.book().title().get()
                    : sources.size() == 1 && texts.size() == 1 && sources.get(0).title().isPresent()
                    ? sources.get(0).title().get() : null;
            if (heading == null) {
                heading = TitlePage.derivedTitle(firstSpeakable(body, src.location()));
                titleFromBody |= c == 0;
            }
            // a block left with nothing to say (a separator line, invisible characters, punctuation alone) is not
            // narrated: a separator becomes a scene break, the others are dropped, and both are reported
            Paragraph[] paragraphs = new Paragraph[body.size()];
            boolean[] breaks = new boolean[body.size()];
            List<String> written = src.paragraphs();
            int t = 0;
            for (SourceBlock sb : src.blocks()) {
                if (!sb.hasText()) {
                    continue;
                }
                String text = body.get(t);
                String id = ids.get(first + t);
                if (Segmenter.speakable(text)) {
                    paragraphs[t] = body(id, sb.type() == SourceBlock.Type.HEADING ? Paragraph.Kind.HEADING
                            : Paragraph.Kind.BODY, text, lang, allText);
                } else {
                    breaks[t] = sceneBreak(text) && sb.type() == SourceBlock.Type.PARAGRAPH;
                    findings.add(new Finding(EMPTY_BLOCK, id, 0, written.get(t), breaks[t]
                            ? "a separator: shown as a scene break, not spoken"
                            : "nothing to speak after cleaning: left out of the book"));
                }
                t++;
            }
            List<Block> blocks = new ArrayList<>();
            int k = 0;
            for (int b = 0; b < src.blocks().size(); b++) {
                SourceBlock sb = src.blocks().get(b);
                if (sb.type() == SourceBlock.Type.FIGURE) {
                    Image im = sb.image().orElseThrow();
                    images++;
                    Image named = new Image(ZeroPad.of("image-", images, 3) + "." + Image.extension(im.mediaType()),
                            im.mediaType(), im.bytes(), im.alt(), im.origin());
                    Optional<Paragraph> caption = Optional.empty();
                    if (b + 1 < src.blocks().size() && src.blocks().get(b + 1).type() == SourceBlock.Type.CAPTION
                            && src.blocks().get(b + 1).group() == sb.group()) {
                        b++;
                        caption = Optional.ofNullable(paragraphs[k++]);
                    }
                    blocks.add(new Block.Figure(named, caption));
                    continue;
                }
                Paragraph p = paragraphs[k];
                boolean sceneBreak = breaks[k];
                k++;
                switch (sb.type()) {
                    case HEADING -> {
                        if (p != null) {
                            blocks.add(new Block.Heading(sb.level(), p));
                        }
                    }
                    case ITEM, ORDERED_ITEM, QUOTE -> {
                        List<Paragraph> group = new ArrayList<>();
                        if (p != null) {
                            group.add(p);
                        }
                        while (b + 1 < src.blocks().size() && src.blocks().get(b + 1).type() == sb.type()
                                && src.blocks().get(b + 1).group() == sb.group()) {
                            b++;
                            if (paragraphs[k] != null) {
                                group.add(paragraphs[k]);
                            }
                            k++;
                        }
                        if (!group.isEmpty()) {
                            blocks.add(sb.type() == SourceBlock.Type.QUOTE ? new Block.Quote(group)
                                    : new Block.ItemList(sb.type() == SourceBlock.Type.ORDERED_ITEM, group));
                        }
                    }
                    default -> {
                        if (p != null) {
                            blocks.add(new Block.Text(p));
                        } else if (sceneBreak && !blocks.isEmpty() && !(blocks.get(blocks.size() - 1)
                                instanceof Block.Break)) {
                            blocks.add(new Block.Break());
                        }
                    }
                }
            }
            while (!blocks.isEmpty() && blocks.get(blocks.size() - 1) instanceof Block.Break) {
                blocks.remove(blocks.size() - 1);
            }
            chapters.add(new Chapter(c + 1, Segmenter.paragraph(headingId, Paragraph.Kind.HEADING, heading, lang),
                    blocks, lang));
        }
        SourceDocument only = sources.size() == 1 ? sources.get(0) : null;
        Language bookLanguage = o.sources().language().orElse(only != null && only.language().isPresent()
                ? only.language().get() : chapters.get(0).language());
        String title = o.book().title().orElse(only != null && only.title().isPresent()
                ? only.title().get() : chapters.get(0).heading().text());
        List<String> authors = !o.book().authors().isEmpty() ? o.book().authors() : only != null ? only.authors() : List.of();
        String identifier = o.book().identifier().orElseGet(() -> Identifiers.derived(bookLanguage, title, allText));
        Metadata metadata = new Metadata(title, authors, bookLanguage, identifier,
                o.book().modified().orElseGet(BookAssembler::now),
                o.book().publisher().or(() -> only == null ? Optional.empty() : only.publisher()),
                o.book().description().or(() -> only == null ? Optional.empty() : only.description()), o.book().subjects(), o.book().rights(),
                o.book().published().or(() -> only == null ? Optional.empty() : only.date()));
        return new Assembled(new Book(metadata, TitlePage.titlePage(title, authors, bookLanguage), chapters, Optional.empty(),
                TitlePage.repeats(title, titleFromBody, chapters)), changes, findings,
                notes);
    }

    /** Whether {@code text}, with nothing to say, is a separator line such as {@code * * *}, {@code ---} or {@code ⁂}. */
    static boolean sceneBreak(String text) {
        boolean mark = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (SEPARATORS.indexOf(cp) >= 0) {
                mark = true;
            } else if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp)) {
                return false;
            }
        }
        return mark;
    }

    private static String firstSpeakable(List<String> body, String location) throws BadInputException {
        for (String text : body) {
            if (Segmenter.speakable(text)) {
                return text;
            }
        }
        throw new BadInputException(location + ": nothing to read: no paragraph has a letter or a digit");
    }

    private static Paragraph body(String id, Paragraph.Kind kind, String text, Language lang, StringBuilder allText) {
        allText.append(text).append('\n');
        return Segmenter.paragraph(id, kind, text, lang);
    }

    /**
     * Cleans the chapters of a book, in order: chapter {@code c} (from 1) has heading {@code h0c}, and its paragraphs
     * are numbered on from the last paragraph of the chapter before ({@code p0001}…), whether or not they have text.
     */
    public static List<CleanResult> clean(List<SourceText> chapters,
                                          java.util.function.Function<SourceText, CleanOptions> options) {
        List<CleanResult> cleaned = new ArrayList<>();
        int first = 1;
        for (int c = 0; c < chapters.size(); c++) {
            SourceText src = chapters.get(c);
            cleaned.add(clean(src, c + 1, first, options.apply(src)));
            first += src.paragraphs().size();
        }
        return cleaned;
    }

    private static CleanResult clean(SourceText src, int chapter, int firstParagraph, CleanOptions options) {
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        java.util.Set<Integer> standalone = new java.util.HashSet<>(options.standalone());
        src.headline().ifPresent(h -> {
            ids.add(ZeroPad.of("h", chapter, 2));
            texts.add(h);
            standalone.add(0);
        });
        int k = 0;
        for (SourceBlock b : src.blocks()) {
            if (!b.hasText()) {
                continue;
            }
            if (b.type() == SourceBlock.Type.HEADING || b.type() == SourceBlock.Type.ITEM
                    || b.type() == SourceBlock.Type.ORDERED_ITEM || b.type() == SourceBlock.Type.CAPTION) {
                standalone.add(texts.size());
            }
            ids.add(ZeroPad.of("p", firstParagraph + k++, 4));
            texts.add(b.text());
        }
        return CLEANER.clean(ids, texts, new CleanOptions(options.language(), options.digits(), standalone));
    }

    /** Now, or {@code SOURCE_DATE_EPOCH} when set, as reproducible-build tools expect. */
    private static Instant now() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.matches("\\d+")) {
            return Instant.ofEpochSecond(Long.parseLong(epoch));
        }
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
