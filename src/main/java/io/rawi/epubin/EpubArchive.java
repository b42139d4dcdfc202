package io.rawi.epubin;

import io.documentnode.epub4j.domain.Book;
import io.rawi.error.BadInputException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An EPUB's entries, checked before anything parses them (the zip itself was read under {@link
 * io.rawi.source.SafeZip}'s limits): no DRM ({@code META-INF/rights.xml}, a Readium LCP licence, or an
 * {@code encryption.xml} that encrypts more than fonts), no XML entity declarations in any XML file (XXE), and no
 * DOCTYPE left where epublib parses (so that no parser fetches a DTD). Then epublib reads them.
 */
final class EpubArchive {
    /** What every refusal of a protected book ends with. */
    static final String NO_DRM = "rawi only reads books without DRM";
    private static final Set<String> FONT_OBFUSCATION = Set.of("http://www.idpf.org/2008/embedding",
            "http://ns.adobe.com/pdf/enc#RC");
    private static final Pattern ENTITY = Pattern.compile("(?is)<!ENTITY|<!DOCTYPE[^>\\[]*\\[");
    private static final Pattern DOCTYPE = Pattern.compile("(?is)<!DOCTYPE[^>]*>");

    /**
     * The entries, safe to parse, and the archive paths of the fonts {@code encryption.xml} obfuscates (the only
     * encryption allowed).
     */
    record Checked(Map<String, byte[]> entries, Set<String> obfuscated) {
    }

    private EpubArchive() {
    }

    /** Checks the entries of the book at {@code location}; refuses it, naming why, when it is protected or unsafe. */
    static Checked check(String location, Map<String, byte[]> entries) throws BadInputException {
        Set<String> obfuscated = refuseDrm(location, entries);
        Map<String, byte[]> clean = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String name = e.getKey();
            byte[] bytes = e.getValue();
            if (isXml(name)) {
                String text = new String(bytes, StandardCharsets.UTF_8);
                if (ENTITY.matcher(text).find()) {
                    throw new BadInputException(location + ": " + name + " declares XML entities (an XXE attack or "
                            + "an unsafe document); refused, nothing was read from it");
                }
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".opf") || lower.endsWith(".ncx") || lower.endsWith(".xml")) {
                    // what epublib parses loses its DOCTYPE, so that no parser ever fetches an external DTD
                    bytes = DOCTYPE.matcher(text).replaceAll("").getBytes(StandardCharsets.UTF_8);
                }
            }
            clean.put(name, bytes);
        }
        if (!clean.containsKey("META-INF/container.xml")) {
            throw new BadInputException(location + ": not an EPUB (no META-INF/container.xml)");
        }
        return new Checked(clean, obfuscated);
    }

    /** epublib's reading of checked entries. */
    static Book parse(Map<String, byte[]> checked) throws IOException {
        Quiet.epublib();
        return new io.documentnode.epub4j.epub.EpubReader().readEpub(new ByteArrayInputStream(rezip(checked)));
    }

    private static boolean isXml(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".xml") || n.endsWith(".opf") || n.endsWith(".ncx") || n.endsWith(".xhtml")
                || n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".smil") || n.endsWith(".svg")
                || n.endsWith(".pls");
    }

    /**
     * Refuses a book with DRM; returns the entries that {@code encryption.xml} obfuscates (fonts), as paths in the
     * archive, when that is all it does.
     */
    private static Set<String> refuseDrm(String location, Map<String, byte[]> entries) throws BadInputException {
        if (entries.containsKey("META-INF/rights.xml")) {
            throw new BadInputException(location + ": the book is protected by DRM (META-INF/rights.xml); rawi only "
                    + "reads books without DRM");
        }
        if (entries.containsKey("META-INF/license.lcpl")) {
            throw new BadInputException(location + ": the book is protected by Readium LCP (META-INF/license.lcpl); "
                    + "rawi only reads books without DRM");
        }
        byte[] encryption = entries.get("META-INF/encryption.xml");
        Set<String> obfuscated = new HashSet<>();
        if (encryption == null) {
            return obfuscated;
        }
        String text = new String(encryption, StandardCharsets.UTF_8);
        if (ENTITY.matcher(text).find()) {
            throw new BadInputException(location + ": META-INF/encryption.xml declares XML entities; refused");
        }
        boolean anyMethod = false;
        for (Element e : Jsoup.parse(text, "", Parser.xmlParser()).select("*")) {
            if (e.tagName().endsWith("EncryptionMethod")) {
                anyMethod = true;
                if (!FONT_OBFUSCATION.contains(e.attr("Algorithm"))) {
                    throw new BadInputException(location + ": the book is encrypted (DRM: META-INF/encryption.xml, "
                            + e.attr("Algorithm") + "); rawi only reads books without DRM");
                }
            } else if (e.tagName().endsWith("CipherReference")) {
                obfuscated.add(e.attr("URI"));
            }
        }
        if (!anyMethod) {
            throw new BadInputException(location + ": the book has META-INF/encryption.xml (DRM); rawi only reads "
                    + "books without DRM");
        }
        return obfuscated;
    }

    private static byte[] rezip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(0);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Keeps epublib's logger quiet. */
    private static final class Quiet {
        /*
         * epublib's logger (minilog) writes every step, even a missing NCX, to the standard output that was current
         * when it was first loaded, where rawi prints the book's path. It is loaded once, while standard output goes
         * nowhere, before any narration thread exists; rawi reports what matters itself. The JVM runs this once, when
         * the class is first used.
         */
        static {
            java.io.PrintStream out = System.out;
            try {
                System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
                io.documentnode.minilog.Logger.setLevel(io.documentnode.minilog.Level.ERROR);
            } finally {
                System.setOut(out);
            }
        }

        /** Quiets epublib's logger, the first time it is called. */
        static void epublib() {
            // the work is the class's initialisation
        }
    }
}
