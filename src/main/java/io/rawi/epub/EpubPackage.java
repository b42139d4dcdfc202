package io.rawi.epub;

import io.rawi.book.Imported;

import io.rawi.book.Metadata;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An EPUB 3 publication being assembled: its metadata, manifest, spine and navigation, with accessibility metadata
 * that later stages (the overlays) extend. {@link #write(WritableByteChannel)} produces the OCF container. Not thread-safe.
 */
public final class EpubPackage {
    /** A table-of-contents entry. */
    public record NavEntry(String label, String href, List<NavEntry> children) {
        public NavEntry {
            children = List.copyOf(children);
        }
    }

    /** A landmark: its {@code epub:type}, label and target. */
    public record Landmark(String type, String label, String href) {
    }

    private final Metadata metadata;
    private final Map<String, Resource> manifest = new LinkedHashMap<>();
    private final List<String> spine = new ArrayList<>();
    private final List<NavEntry> toc = new ArrayList<>();
    private final List<Landmark> landmarks = new ArrayList<>();
    private final List<MetaProperty> metas = new ArrayList<>();
    private final Set<String> accessModes = new LinkedHashSet<>(List.of("textual"));
    private final Set<String> sufficientModes = new LinkedHashSet<>(List.of("textual"));
    private final Set<String> features = new LinkedHashSet<>(
            List.of("structuralNavigation", "tableOfContents", "readingOrder"));
    private String summary = "";
    private boolean conformance = true;
    private final Labels labels;

    /** The book as it came, when this package patches an EPUB 3 book instead of making one. */
    private final Optional<Imported.Original> original;
    private final String ownFolder;

    public EpubPackage(Metadata metadata) {
        this(metadata, Optional.empty());
    }

    /** A package that patches {@code original} when given: its own files are kept, rawi's go under a folder. */
    public EpubPackage(Metadata metadata, Optional<Imported.Original> original) {
        this.metadata = metadata;
        this.labels = Labels.forLanguage(metadata.language());
        this.original = original;
        this.ownFolder = original.map(Imported.Original::ownFolder).orElse("");
    }

    /** The book this package patches, if it patches one. */
    public Optional<Imported.Original> original() {
        return original;
    }

    /**
     * Where a file rawi adds goes, relative to the package document: as given in a book rawi makes; under a folder of
     * its own (normally {@code rawi/}) in a book it patches, so that no file of the original is overwritten.
     */
    public String own(String href) {
        return original.isPresent() ? ownFolder + href : href;
    }

    public Metadata metadata() {
        return metadata;
    }

    Labels labels() {
        return labels;
    }

    /** Adds a file to the manifest; ids must be unique. */
    public EpubPackage add(Resource resource) {
        if (manifest.putIfAbsent(resource.id(), resource) != null) {
            throw new IllegalArgumentException("duplicate manifest id " + resource.id());
        }
        return this;
    }

    /** Replaces the manifest entry with the same id. */
    public EpubPackage replace(Resource resource) {
        if (manifest.replace(resource.id(), resource) == null) {
            throw new IllegalArgumentException("no manifest item " + resource.id());
        }
        return this;
    }

    public Optional<Resource> resource(String id) {
        return Optional.ofNullable(manifest.get(id));
    }

    public List<Resource> resources() {
        return List.copyOf(manifest.values());
    }

    /** Appends a manifest item to the reading order. */
    public EpubPackage addToSpine(String id) {
        spine.add(id);
        return this;
    }

    public List<String> spine() {
        return List.copyOf(spine);
    }

    public EpubPackage addToc(NavEntry entry) {
        toc.add(entry);
        return this;
    }

    public List<NavEntry> toc() {
        return List.copyOf(toc);
    }

    public EpubPackage addLandmark(Landmark landmark) {
        landmarks.add(landmark);
        return this;
    }

    public List<Landmark> landmarks() {
        return List.copyOf(landmarks);
    }

    /** Adds a {@code <meta property>} after the standard ones. */
    public EpubPackage addMeta(MetaProperty meta) {
        metas.add(meta);
        return this;
    }

    public List<MetaProperty> metas() {
        return List.copyOf(metas);
    }

    /** Declares another access mode ({@code auditory}) and, if {@code sufficient}, a second sufficient mode. */
    public EpubPackage addAccessMode(String mode, boolean sufficient) {
        accessModes.add(mode);
        if (sufficient) {
            sufficientModes.add(mode);
        }
        return this;
    }

    /** Replaces a sufficient access mode: {@code textual} by {@code textual,visual} when an image lacks alt text. */
    public EpubPackage sufficientModeInstead(String old, String replacement) {
        sufficientModes.remove(old);
        sufficientModes.add(replacement);
        return this;
    }

    /** Drops the WCAG conformance claim (an image without a text alternative cannot claim it). */
    public EpubPackage withoutConformanceClaim() {
        conformance = false;
        return this;
    }

    boolean conformance() {
        return conformance;
    }

    public EpubPackage addAccessibilityFeature(String feature) {
        features.add(feature);
        return this;
    }

    public EpubPackage accessibilitySummary(String text) {
        this.summary = text;
        return this;
    }

    Set<String> accessModes() {
        return accessModes;
    }

    Set<String> sufficientModes() {
        return sufficientModes;
    }

    Set<String> features() {
        return features;
    }

    String summary() {
        return summary;
    }

    /** Writes the whole publication as an OCF zip container. */
    public void write(WritableByteChannel out) throws IOException {
        if (original.isPresent()) {
            Ocf.writePatched(out, metadata.modified(), original.get(), OpfPatch.write(this), resources());
            return;
        }
        withNavigation(() -> Ocf.write(out, metadata.modified(), PackageDocument.write(this), resources()));
    }

    /**
     * Finishes a container begun with this book's audio files ({@link Ocf.Container}): the package document and
     * every other file. The same bytes as {@link #write(WritableByteChannel)}; not for a book that patches another.
     */
    public void write(Ocf.Container started) throws IOException {
        if (original.isPresent()) {
            throw new IllegalStateException("a patched book is written in its original's order, whole");
        }
        withNavigation(() -> started.finish(PackageDocument.write(this), resources()));
    }

    private interface Writing {
        void run() throws IOException;
    }

    /** Runs {@code writing} with the navigation document and the NCX in the manifest. */
    private void withNavigation(Writing writing) throws IOException {
        Navigation nav = new Navigation(this);
        add(new Resource("nav", "nav.xhtml", "application/xhtml+xml", Set.of("nav"), null,
                Resource.Content.of(nav.navDocument())));
        add(new Resource("ncx", "toc.ncx", "application/x-dtbncx+xml", Set.of(), null,
                Resource.Content.of(nav.ncx())));
        try {
            writing.run();
        } finally {
            manifest.remove("nav");
            manifest.remove("ncx");
        }
    }
}
