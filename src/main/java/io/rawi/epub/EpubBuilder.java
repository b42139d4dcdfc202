package io.rawi.epub;

import io.rawi.book.Block;
import io.rawi.book.Book;
import io.rawi.book.Chapter;
import io.rawi.book.Imported;
import io.rawi.book.Language;
import io.rawi.book.Metadata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Lays a {@link Book} out as an EPUB 3 package: stylesheet, cover, title page, one content document per chapter,
 * navigation, and accessibility metadata for a textual book. Narration is added afterwards by the overlay stage.
 *
 * <pre>{@code
 * EpubPackage pkg = EpubBuilder.build(book, new EpubOptions(false, Optional.empty()));
 * try (FileChannel out = FileChannel.open(target, CREATE, TRUNCATE_EXISTING, WRITE)) { pkg.write(out); }
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
     */
    public static EpubPackage build(Book book, EpubOptions options) {
        Metadata m = book.metadata();
        Optional<Imported.Original> original = book.imported().flatMap(Imported::original);
        if (original.isPresent()) {
            // an EPUB 3 book is patched: its own files stay, only the annotated documents are replaced
            EpubPackage pkg = new EpubPackage(m, original);
            for (Imported.Document d : book.imported().get().documents()) {
                pkg.add(new Resource(d.id(), d.href(), "application/xhtml+xml", Set.of(), null,
                        Resource.Content.of(d.xhtml())));
            }
            return pkg;
        }
        EpubPackage pkg = new EpubPackage(m);
        ContentDocuments docs = new ContentDocuments(options.wordSpans());
        pkg.add(new Resource("css", "styles/rawi.css", "text/css", Set.of(), null, Resource.Content.of(stylesheet())));
        if (options.coverImage().isPresent()) {
            EpubOptions.CoverImage image = options.coverImage().get();
            String extension = image.mediaType().equals("image/png") ? "png" : "jpg";
            pkg.add(new Resource("cover-image", "images/cover." + extension, image.mediaType(), Set.of("cover-image"),
                    null, Resource.Content.of(image.bytes())));
        }
        if (book.imported().isPresent()) {
            imported(pkg, book, book.imported().get());
            return pkg;
        }
        pkg.add(new Resource("titlepage", TITLE_PAGE, "application/xhtml+xml", Set.of(), null,
                Resource.Content.of(docs.titlePage(m.language(), m.title(), book.titlePage()))));
        pkg.addToSpine("titlepage");
        Labels labels = pkg.labels();
        pkg.addToc(new EpubPackage.NavEntry(labels.titlePage(), TITLE_PAGE, List.of()));
        pkg.addLandmark(new EpubPackage.Landmark("titlepage", labels.titlePage(), TITLE_PAGE));
        int images = 0;
        int missingAlt = 0;
        for (Chapter c : book.chapters()) {
            pkg.add(new Resource(c.name(), href(c), "application/xhtml+xml", Set.of(), null,
                    Resource.Content.of(docs.chapter(c))));
            pkg.addToSpine(c.name());
            pkg.addToc(new EpubPackage.NavEntry(c.heading().text(), href(c), sections(c)));
            for (Block b : c.blocks()) {
                if (b instanceof Block.Figure f) {
                    images++;
                    missingAlt += f.image().alt().isPresent() ? 0 : 1;
                    pkg.add(new Resource(f.image().name().replace('.', '-'), ContentDocuments.imageHref(f.image()),
                            f.image().mediaType(), Set.of(), null, Resource.Content.of(f.image().bytes())));
                }
            }
        }
        if (images > 0) {
            pkg.addAccessMode("visual", false);
            if (missingAlt > 0) {
                pkg.sufficientModeInstead("textual", "textual,visual");
                pkg.withoutConformanceClaim();
            } else {
                pkg.addAccessibilityFeature("alternativeText");
            }
        }
        if (!book.chapters().isEmpty()) {
            pkg.addLandmark(new EpubPackage.Landmark("bodymatter", labels.start(), href(book.chapters().get(0))));
        }
        pkg.accessibilitySummary(summary(book, "Text only: there is no audio."));
        return pkg;
    }

    /** Where an imported file goes: under {@value #IMPORTED}, keeping the original layout. */
    public static String importedHref(String href) {
        return IMPORTED + href;
    }

    private static final String IMPORTED = "book/";

    private static void imported(EpubPackage pkg, Book book, Imported in) {
        for (Imported.File f : in.files()) {
            Set<String> properties = in.coverImage().map(f.href()::equals).orElse(false) ? Set.of("cover-image") : Set.of();
            pkg.add(new Resource(f.id(), importedHref(f.href()), f.mediaType(), properties, null,
                    Resource.Content.of(f.bytes())));
        }
        for (Imported.Document d : in.documents()) {
            pkg.add(new Resource(d.id(), importedHref(d.href()), "application/xhtml+xml", d.properties(), null,
                    Resource.Content.of(d.xhtml())));
            pkg.addToSpine(d.id());
        }
        for (Imported.TocEntry e : in.toc()) {
            pkg.addToc(nav(e));
        }
        in.documents().stream().filter(d -> !d.paragraphs().isEmpty()).findFirst().ifPresent(d -> pkg.addLandmark(
                new EpubPackage.Landmark("bodymatter", pkg.labels().start(), importedHref(d.href()))));
        long images = in.files().stream().filter(f -> f.mediaType().startsWith("image/")).count();
        if (images > 0) {
            pkg.addAccessMode("visual", false);
            if (in.imagesWithoutAlt() > 0) {
                pkg.sufficientModeInstead("textual", "textual,visual");
                pkg.withoutConformanceClaim();
            }
        }
        pkg.accessibilitySummary(summary(book, "Text only: there is no audio."));
    }

    private static EpubPackage.NavEntry nav(Imported.TocEntry e) {
        return new EpubPackage.NavEntry(e.label(), importedHref(e.href()), e.children().stream().map(EpubBuilder::nav)
                .toList());
    }

    /** The chapter's section headings as nested navigation entries, by level. */
    static List<EpubPackage.NavEntry> sections(Chapter c) {
        List<Block.Heading> headings = new ArrayList<>();
        c.blocks().forEach(b -> {
            if (b instanceof Block.Heading h) {
                headings.add(h);
            }
        });
        return nest(headings, 0, headings.size(), href(c));
    }

    private static List<EpubPackage.NavEntry> nest(List<Block.Heading> hs, int from, int to, String href) {
        List<EpubPackage.NavEntry> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            Block.Heading h = hs.get(i);
            int j = i + 1;
            while (j < to && hs.get(j).level() > h.level()) {
                j++;
            }
            out.add(new EpubPackage.NavEntry(h.paragraph().text(), href + "#" + h.paragraph().id(), nest(hs, i + 1, j, href)));
            i = j;
        }
        return out;
    }

    /**
     * The accessibility summary: what the book is, and {@code narration} (a sentence about its audio, or about the
     * lack of it).
     */
    public static String summary(Book book, String narration) {
        Language lang = book.metadata().language();
        long images = book.chapters().stream().flatMap(c -> c.blocks().stream()).filter(b -> b instanceof Block.Figure)
                .count();
        long missing = book.chapters().stream().flatMap(c -> c.blocks().stream())
                .filter(b -> b instanceof Block.Figure f && f.image().alt().isEmpty()).count();
        String pictures = images == 0 ? "" : missing == 0 ? " Each of its " + images + " image(s) has a text alternative."
                : " " + missing + " of its " + images + " image(s) came without a text alternative and are marked as "
                + "decorative, so a reader who cannot see them may miss what they show; the book therefore makes no "
                + "WCAG conformance claim.";
        if (book.imported().isPresent()) {
            int missingAlt = book.imported().get().imagesWithoutAlt();
            return "An EPUB 3 edition of an existing book in "
                    + Locale.forLanguageTag(lang.tag()).getDisplayName(Locale.ENGLISH) + " ("
                    + (lang.rtl() ? "right-to-left" : "left-to-right") + "), with its own content, images and reading "
                    + "order kept and a navigable table of contents."
                    + (missingAlt == 0 ? "" : " " + missingAlt + " of its images came without a text alternative and "
                    + "are marked as decorative; the book therefore makes no WCAG conformance claim.") + " " + narration;
        }
        return "An EPUB 3 book in " + Locale.forLanguageTag(lang.tag()).getDisplayName(Locale.ENGLISH) + " ("
                + (lang.rtl() ? "right-to-left" : "left-to-right") + "), with a navigable table of contents, headings "
                + "for structure, and the reading order of the original article. Text can be resized and restyled by "
                + "the reading system." + pictures + " " + narration;
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
