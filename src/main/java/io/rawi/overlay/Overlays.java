package io.rawi.overlay;

import io.rawi.internal.Hrefs;

import io.rawi.audio.Clip;
import io.rawi.audio.NarratedBlock;
import io.rawi.book.Book;
import io.rawi.book.Chapter;
import io.rawi.book.Granularity;
import io.rawi.book.Paragraph;
import io.rawi.epub.EpubBuilder;
import io.rawi.epub.EpubPackage;
import io.rawi.epub.MetaProperty;
import io.rawi.epub.Resource;
import io.rawi.epub.Xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds EPUB 3 Media Overlays to a package: the audio files, one SMIL document per content document with a
 * {@code <par>} per paragraph, sentence or word, and the package metadata that goes with them ({@code media:duration}
 * per overlay and in total, {@code media:active-class}, {@code media:narrator}, accessibility for narration).
 *
 * <pre>{@code
 * Overlays.addTo(pkg, book, narration, Granularity.SENTENCE, "eSpeak NG voice ar-espeak");
 * }</pre>
 */
public final class Overlays {
    /** The class a reading system puts on the element being read; rawi.css styles it. */
    public static final String ACTIVE_CLASS = "rawi-active";
    private static final String SMIL = "http://www.w3.org/ns/SMIL";
    private static final String OPS = "http://www.idpf.org/2007/ops";

    private Overlays() {
    }

    /**
     * The audio files of the EPUB, one per narrated block in reading order (a file two blocks share, once), as
     * {@link #addTo} adds them to the manifest: the EPUB's container begins with them.
     *
     * @param narration every block of the book by id
     * @throws IllegalArgumentException when a narrated block has no narration
     */
    public static List<Resource> audio(EpubPackage pkg, Book book, Map<String, NarratedBlock> narration) {
        Set<String> added = new java.util.HashSet<>();
        List<Resource> audio = new ArrayList<>();
        for (Paragraph p : book.narrated()) {
            NarratedBlock b = narration.get(p.id());
            if (b == null) {
                throw new IllegalArgumentException("block " + p.id() + " has no narration");
            }
            if (added.add(b.epubHref())) {
                audio.add(new Resource("audio-" + b.id(), pkg.own(b.epubHref()), b.epubMediaType(), Set.of(), null,
                        Resource.Content.of(b.epubAudio(), b.epubCrc())));
            }
        }
        return audio;
    }

    /**
     * @param narration every block of the book by id
     * @param narrator  who speaks, for {@code media:narrator} and the accessibility summary
     */
    public static void addTo(EpubPackage pkg, Book book, Map<String, NarratedBlock> narration, Granularity granularity,
                             String narrator) {
        audio(pkg, book, narration).forEach(pkg::add);
        Map<String, List<Paragraph>> documents = new LinkedHashMap<>();
        Set<String> wordless = new java.util.HashSet<>();
        book.imported().ifPresent(in -> in.documents().forEach(d -> wordless.addAll(d.wordless())));
        if (!book.titlePage().isEmpty()) {
            documents.put("titlepage", new ArrayList<>(book.titlePage()));
        }
        book.imported().ifPresent(in -> in.documents().stream().filter(d -> !d.paragraphs().isEmpty())
                .forEach(d -> documents.put(d.id(), new ArrayList<>(d.paragraphs()))));
        for (Chapter c : book.chapters()) {
            List<Paragraph> blocks = new ArrayList<>();
            blocks.add(c.heading());
            blocks.addAll(c.paragraphs());
            documents.put(c.name(), blocks);
        }
        documents.values().forEach(blocks -> blocks.removeIf(p -> book.silent().contains(p.id())));
        documents.values().removeIf(List::isEmpty);
        long total = 0;
        for (Map.Entry<String, List<Paragraph>> doc : documents.entrySet()) {
            Resource item = pkg.resource(doc.getKey()).orElseThrow();
            String smilId = "smil-" + item.id();
            String smilHref = pkg.own("smil/" + item.id() + ".smil");
            String textHref = Hrefs.relative(smilHref, item.href());
            Smil smil = smil(textHref, doc.getValue(), narration, granularity, wordless,
                    audio -> Hrefs.relative(smilHref, pkg.own(audio)));
            pkg.add(new Resource(smilId, smilHref, "application/smil+xml", Set.of(), null,
                    Resource.Content.of(smil.bytes)));
            pkg.replace(item.withMediaOverlay(smilId));
            pkg.addMeta(new MetaProperty("media:duration", ClockValue.of(smil.durationMs), smilId, null));
            total += smil.durationMs;
        }
        pkg.addMeta(MetaProperty.of("media:duration", ClockValue.of(total)));
        pkg.addMeta(MetaProperty.of("media:active-class", ACTIVE_CLASS));
        pkg.addMeta(MetaProperty.of("media:narrator", narrator));
        if (pkg.original().isPresent()) {
            // a book that came in keeps its own accessibility metadata; the patch adds what narration makes true
            pkg.add(new Resource("rawi-overlay-css", pkg.own("overlay.css"), "text/css", Set.of(), null,
                    Resource.Content.of(("." + ACTIVE_CLASS + " { background-color: #fff0a0; color: #000000; }\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            return;
        }
        pkg.addAccessMode("auditory", true);
        pkg.addAccessibilityFeature("synchronizedAudioText");
        pkg.accessibilitySummary(EpubBuilder.summary(book, "The whole text, " + (book.imported().isPresent() ? "headings" : "title page and headings")
                + " included, is narrated by synthetic speech (" + narrator + "), with "
                + "media overlays that highlight each " + granularity.name().toLowerCase(java.util.Locale.ROOT)
                + " as it is read (" + ClockValue.of(total) + " in all), so the book can be read, heard, or both."));
    }

    private record Smil(byte[] bytes, long durationMs) {
    }

    private static Smil smil(String textHref, List<Paragraph> blocks, Map<String, NarratedBlock> narration,
                             Granularity granularity, Set<String> wordless,
                             java.util.function.UnaryOperator<String> audioHref) {
        Xml x = Xml.document(null);
        x.start("smil", "version", "3.0").namespace(null, SMIL).namespace("epub", OPS);
        x.start("body", "epub:textref", textHref);
        long duration = 0;
        for (Paragraph p : blocks) {
            NarratedBlock b = narration.get(p.id());
            String audio = audioHref.apply(b.epubHref());
            if (granularity == Granularity.PARAGRAPH) {
                long begin = b.sentences().get(0).beginMs();
                long end = b.sentences().get(b.sentences().size() - 1).endMs();
                duration += par(x, "par-" + p.id(), textHref + "#" + p.id(), audio, begin, end);
                continue;
            }
            x.start("seq", "id", "seq-" + p.id(), "epub:textref", textHref + "#" + p.id());
            for (Clip s : b.sentences()) {
                if (granularity == Granularity.SENTENCE || wordless.contains(s.id())
                        || s.words().stream().noneMatch(w -> w.endMs() > w.beginMs())) {
                    duration += par(x, "par-" + s.id(), textHref + "#" + s.id(), audio, s.beginMs(), s.endMs());
                } else {
                    x.start("seq", "id", "seq-" + s.id(), "epub:textref", textHref + "#" + s.id());
                    for (Clip w : s.words()) {
                        duration += par(x, "par-" + w.id(), textHref + "#" + w.id(), audio, w.beginMs(), w.endMs());
                    }
                    x.end();
                }
            }
            x.end();
        }
        x.end().end();
        return new Smil(x.finish(), duration);
    }

    /** Writes a {@code <par>} unless its clip is empty; returns the clip's length. */
    private static long par(Xml x, String id, String text, String audio, long begin, long end) {
        if (end <= begin) {
            return 0;
        }
        x.start("par", "id", id);
        x.empty("text", "src", text);
        x.empty("audio", "src", audio, "clipBegin", ClockValue.of(begin), "clipEnd", ClockValue.of(end));
        x.end();
        return end - begin;
    }
}
