package io.rawi.pipeline;

import io.rawi.book.Book;
import io.rawi.book.Chapter;
import io.rawi.book.Metadata;
import io.rawi.book.Paragraph;
import io.rawi.book.Segmenter;
import io.rawi.clean.Change;
import io.rawi.clean.CleanOptions;
import io.rawi.clean.CleanResult;
import io.rawi.clean.Cleaner;
import io.rawi.clean.Finding;
import io.rawi.clean.Rules;
import io.rawi.error.RawiException;
import io.rawi.source.Language;
import io.rawi.source.SourceText;
import io.rawi.source.TextReader;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads, cleans and segments the inputs into a {@link Book}: one chapter per input, paragraphs numbered through the
 * book ({@code p0001}…), chapter headings {@code h01}…, title-page lines {@code t01}, {@code t02}.
 *
 * <p>The title is {@code --title}; else the first input's headline (a short first line without sentence punctuation);
 * else the first sentence of the first paragraph, cut after {@value #TITLE_WORDS} words with an ellipsis when longer.
 */
public final class BookAssembler {
    static final int TITLE_WORDS = 8;

    /** The book and what cleaning did to it. */
    public record Assembled(Book book, List<Change> changes, List<Finding> findings) {
    }

    private static final Cleaner CLEANER = new Cleaner(Rules.standard());

    public Assembled assemble(ConvertOptions o) throws RawiException {
        List<SourceText> sources = new ArrayList<>();
        for (var path : o.inputs()) {
            sources.add(TextReader.read(path));
        }
        List<Change> changes = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<Chapter> chapters = new ArrayList<>();
        int paragraphNumber = 0;
        StringBuilder allText = new StringBuilder();
        for (int c = 0; c < sources.size(); c++) {
            SourceText src = sources.get(c);
            Language lang = o.language().orElse(src.language());
            String headingId = String.format("h%02d", c + 1);
            CleanResult cleaned = clean(src, c + 1, paragraphNumber + 1, new CleanOptions(lang, o.digits()));
            List<String> ids = cleaned.ids();
            paragraphNumber += src.paragraphs().size();
            changes.addAll(cleaned.changes());
            findings.addAll(cleaned.findings());
            List<String> body = cleaned.paragraphs().subList(src.headline().isPresent() ? 1 : 0, ids.size());
            String heading = src.headline().isPresent() ? cleaned.paragraphs().get(0)
                    : sources.size() == 1 && o.title().isPresent() ? o.title().get() : derivedTitle(body.get(0));
            List<Paragraph> paragraphs = new ArrayList<>();
            int first = src.headline().isPresent() ? 1 : 0;
            for (int k = 0; k < body.size(); k++) {
                paragraphs.add(Segmenter.paragraph(ids.get(first + k), Paragraph.Kind.BODY, body.get(k), lang));
                allText.append(body.get(k)).append('\n');
            }
            chapters.add(new Chapter(c + 1, Segmenter.paragraph(headingId, Paragraph.Kind.HEADING, heading, lang),
                    paragraphs, lang));
        }
        Language bookLanguage = o.language().orElse(chapters.get(0).language());
        String title = o.title().orElse(chapters.get(0).heading().text());
        String identifier = o.identifier().orElseGet(() -> "urn:uuid:" + UUID.nameUUIDFromBytes(
                ("rawi\n" + bookLanguage.tag() + "\n" + title + "\n" + allText).getBytes(StandardCharsets.UTF_8)));
        Metadata metadata = new Metadata(title, o.authors(), bookLanguage, identifier,
                o.modified().orElseGet(BookAssembler::now), o.publisher(), o.description(), o.subjects(), o.rights(),
                o.published());
        List<Paragraph> titlePage = new ArrayList<>();
        titlePage.add(Segmenter.paragraph("t01", Paragraph.Kind.TITLE, title, bookLanguage));
        if (!o.authors().isEmpty()) {
            titlePage.add(Segmenter.paragraph("t02", Paragraph.Kind.AUTHOR, String.join(separator(bookLanguage), o.authors()),
                    bookLanguage));
        }
        return new Assembled(new Book(metadata, titlePage, chapters), changes, findings);
    }

    private static String separator(Language language) {
        return language.primary().equals("ar") || language.primary().equals("fa") || language.primary().equals("ur")
                ? "، " : ", ";
    }

    /**
     * Cleans one input: its headline as {@code h<chapter>} and its paragraphs numbered from {@code firstParagraph}.
     */
    public static CleanResult clean(SourceText src, int chapter, int firstParagraph, CleanOptions options) {
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        src.headline().ifPresent(h -> {
            ids.add(String.format("h%02d", chapter));
            texts.add(h);
        });
        for (int k = 0; k < src.paragraphs().size(); k++) {
            ids.add(String.format("p%04d", firstParagraph + k));
            texts.add(src.paragraphs().get(k));
        }
        return CLEANER.clean(ids, texts, options);
    }

    /** The first sentence, without its final punctuation, cut after a few words. */
    static String derivedTitle(String paragraph) {
        String sentence = Segmenter.sentences("x", paragraph).get(0).text().replaceAll("[.!?؟…۔]+$", "").strip();
        String[] words = sentence.split("\\s+");
        if (words.length <= TITLE_WORDS + 2) {
            return sentence;
        }
        return String.join(" ", List.of(words).subList(0, TITLE_WORDS)).replaceAll("[،,؛;:]$", "") + "…";
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
