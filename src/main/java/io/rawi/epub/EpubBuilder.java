package io.rawi.epub;

import io.rawi.book.Book;
import io.rawi.book.Chapter;
import io.rawi.book.Metadata;
import io.rawi.source.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Lays a {@link Book} out as an EPUB 3 package: stylesheet, cover, title page, one content document per chapter,
 * navigation, and accessibility metadata for a textual book. Narration is added afterwards by the overlay stage.
 *
 * <pre>{@code
 * EpubPackage pkg = EpubBuilder.build(book, new EpubOptions(false, true), System.err::println);
 * try (OutputStream out = Files.newOutputStream(target)) { pkg.write(out); }
 * }</pre>
 */
public final class EpubBuilder {
    /** The href of the title page, relative to the package document. */
    public static final String TITLE_PAGE = "text/title.xhtml";

    private EpubBuilder() {
    }

    /** The href of a chapter's content document. */
    public static String href(Chapter chapter) {
        return "text/" + chapter.name() + ".xhtml";
    }

    /**
     * Builds the package.
     *
     * @param notes receives remarks for the user, such as why there is no cover
     */
    public static EpubPackage build(Book book, EpubOptions options, Consumer<String> notes) {
        Metadata m = book.metadata();
        EpubPackage pkg = new EpubPackage(m);
        ContentDocuments docs = new ContentDocuments(options.wordSpans());
        pkg.add(new Resource("css", "styles/rawi.css", "text/css", Set.of(), null, Resource.Content.of(stylesheet())));
        if (options.coverImage().isPresent()) {
            EpubOptions.CoverImage image = options.coverImage().get();
            String extension = image.mediaType().equals("image/png") ? "png" : "jpg";
            pkg.add(new Resource("cover-image", "images/cover." + extension, image.mediaType(), Set.of("cover-image"),
                    null, Resource.Content.of(image.bytes())));
        } else if (options.cover()) {
            Cover.draw(m).ifPresentOrElse(
                    png -> pkg.add(new Resource("cover-image", "images/cover.png", "image/png", Set.of("cover-image"),
                            null, Resource.Content.of(png))),
                    () -> notes.accept("no cover image: no installed font can draw the title «" + m.title()
                            + "»; install one (e.g. apt-get install fonts-noto-core) to get a cover"));
        }
        pkg.add(new Resource("titlepage", TITLE_PAGE, "application/xhtml+xml", Set.of(), null,
                Resource.Content.of(docs.titlePage(m.language(), m.title(), book.titlePage()))));
        pkg.addToSpine("titlepage");
        Labels labels = pkg.labels();
        pkg.addToc(new EpubPackage.NavEntry(labels.titlePage(), TITLE_PAGE, List.of()));
        pkg.addLandmark(new EpubPackage.Landmark("titlepage", labels.titlePage(), TITLE_PAGE));
        for (Chapter c : book.chapters()) {
            pkg.add(new Resource(c.name(), href(c), "application/xhtml+xml", Set.of(), null,
                    Resource.Content.of(docs.chapter(c))));
            pkg.addToSpine(c.name());
            pkg.addToc(new EpubPackage.NavEntry(c.heading().text(), href(c), List.of()));
        }
        if (!book.chapters().isEmpty()) {
            pkg.addLandmark(new EpubPackage.Landmark("bodymatter", labels.start(), href(book.chapters().get(0))));
        }
        pkg.accessibilitySummary(summary(book, "Text only: there is no audio."));
        return pkg;
    }

    /**
     * The accessibility summary: what the book is, and {@code narration} (a sentence about its audio, or about the
     * lack of it).
     */
    public static String summary(Book book, String narration) {
        Language lang = book.metadata().language();
        return "An EPUB 3 book in " + Locale.forLanguageTag(lang.tag()).getDisplayName(Locale.ENGLISH) + " ("
                + (lang.rtl() ? "right-to-left" : "left-to-right") + "), with a navigable table of contents, headings "
                + "for structure, and the reading order of the original article. Text can be resized and restyled by "
                + "the reading system. " + narration;
    }

    private static byte[] stylesheet() {
        try (InputStream in = EpubBuilder.class.getResourceAsStream("rawi.css")) {
            if (in == null) {
                throw new IllegalStateException("rawi.css is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
