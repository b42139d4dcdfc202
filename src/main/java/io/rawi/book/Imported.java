package io.rawi.book;


import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The part of a book that came from an existing EPUB: its content documents, kept as they were but for the ids that
 * narration needs, and every other file they use. Hrefs are relative to the original package document.
 *
 * @param documents  the spine's XHTML documents, in reading order
 * @param files      images, stylesheets, fonts and other files the documents refer to
 * @param toc        the original table of contents
 * @param coverImage the href of the cover image, when the book names one
 * @param imagesWithoutAlt how many images came without a text alternative (now marked decorative)
 * @param original   for an EPUB 3 book, the book as it came: it is written again as it was, with only the annotated
 *                   documents replaced and the narration added (its metadata, navigation, rendition, fonts and
 *                   everything else kept exactly); empty for an EPUB 2 book, which is rebuilt as EPUB 3
 */
public record Imported(List<Document> documents, List<File> files, List<TocEntry> toc, Optional<String> coverImage,
                       int imagesWithoutAlt, Optional<Original> original) {
    public Imported {
        documents = List.copyOf(documents);
        files = List.copyOf(files);
        toc = List.copyOf(toc);
    }

    /**
     * An EPUB 3 book as it came.
     *
     * @param opfPath  the package document's path in the container
     * @param entries  every entry of the container, by path, in the container's order
     * @param dropOverlays whether its own media overlays are replaced ({@code --renarrate})
     */
    public record Original(String opfPath, Map<String, byte[]> entries, boolean dropOverlays) {
        public Original {
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        }

        /**
         * The folder, relative to the package document, where rawi puts the files it adds: {@code rawi/}, or
         * {@code rawi-2/}… when the book has a folder of that name already.
         */
        public String ownFolder() {
            String folder = "rawi/";
            for (int n = 2; taken(folder); n++) {
                folder = "rawi-" + n + "/";
            }
            return folder;
        }

        private boolean taken(String own) {
            String prefix = folder() + own;
            return entries.keySet().stream().anyMatch(name -> name.startsWith(prefix));
        }

        /** The folder of the package document, with a trailing slash, or "" at the root. */
        public String folder() {
            return opfPath.contains("/") ? opfPath.substring(0, opfPath.lastIndexOf('/') + 1) : "";
        }
    }

    /**
     * A content document.
     *
     * @param id         a manifest id, unique in the new book
     * @param href       where it was in the original book
     * @param title      its title, for the audiobook's chapters and the contents when the book has none
     * @param paragraphs its narrated blocks, whose ids (and their sentences' and words') are in {@code xhtml}
     * @param xhtml      the document with those ids added, as EPUB 3 XHTML
     * @param properties manifest properties it needs ({@code svg}, {@code mathml})
     * @param wordless   the sentences whose words have no spans (markup crosses them): highlighted as a whole
     */
    public record Document(String id, String href, String title, Language language, List<Paragraph> paragraphs,
                           byte[] xhtml, Set<String> properties, Set<String> wordless) {
        public Document {
            paragraphs = List.copyOf(paragraphs);
            properties = Set.copyOf(properties);
            wordless = Set.copyOf(wordless);
        }
    }

    /** Any other file of the book. */
    public record File(String id, String href, String mediaType, byte[] bytes) {
    }

    /** An entry of the table of contents; {@code href} may carry a fragment. */
    public record TocEntry(String label, String href, List<TocEntry> children) {
        public TocEntry {
            children = List.copyOf(children);
        }
    }
}
