package io.rawi.check;

import io.rawi.error.BadInputException;
import io.rawi.error.RawiException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Validates a DAISY 3 (ANSI/NISO Z39.86-2005) book: every file against its DTD as the DAISY Pipeline 2 ships them
 * (DTBook 2005-3 from {@code dtbook-utils}, DTB SMIL 2005-2 from {@code smil-utils}, NCX 2005-1, the OEB 1.2 package
 * and the resource file from {@code daisy3-utils}); the package's manifest against the folder (every file listed,
 * every listed file there); every reference (SMIL {@code text}, DTBook {@code smilref}, NCX {@code content}) against
 * the ids it names; and the timing, as for DAISY 2.02 ({@link Daisy202Validator#timing}).
 */
public final class Daisy3Validator {
    /** The rules' versions, for the report. */
    public static final String RULES = "DAISY Pipeline 2 DTDs (dtbook-utils 6.0.0, smil-utils 4.0.3, daisy3-utils "
            + "4.2.0) and rawi's reference and timing checks";

    private Daisy3Validator() {
    }

    /** Validates the DAISY 3 book in {@code folder} (the one with {@code book.opf}); every problem is an error. */
    public static ValidationReport validate(Path folder) throws RawiException {
        Path opf = opf(folder);
        return Daisy202Validator.report(RULES, folder, () -> problems(folder, opf));
    }

    /** The package file of the DAISY 3 book in {@code folder}. */
    public static Path opf(Path folder) throws BadInputException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> opfs = files.filter(f -> f.toString().endsWith(".opf")).toList();
            if (opfs.size() != 1) {
                throw new BadInputException(folder + ": not a DAISY 3 book (" + opfs.size() + " .opf files)");
            }
            return opfs.get(0);
        } catch (java.io.IOException e) {
            throw new BadInputException(folder + ": cannot be read (" + io.rawi.internal.IoMessages.reason(e) + ")");
        }
    }

    static List<String> problems(Path folder, Path opf) throws Exception {
        List<String> out = new ArrayList<>();
        Document pkg = Daisy202Validator.parse(opf);
        List<String> smils = new ArrayList<>();
        String dtbook = null;
        String ncx = null;
        Set<String> listed = new HashSet<>();
        NodeList items = pkg.getElementsByTagNameNS("*", "item");
        java.util.Map<String, String> byId = new java.util.HashMap<>();
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            String href = item.getAttribute("href");
            listed.add(href);
            byId.put(item.getAttribute("id"), href);
            switch (item.getAttribute("media-type")) {
                case "application/x-dtbook+xml" -> dtbook = href;
                case "application/x-dtbncx+xml" -> ncx = href;
                default -> {
                }
            }
            if (!Files.isRegularFile(folder.resolve(href))) {
                out.add(opf.getFileName() + ": " + href + " is listed but missing");
            }
        }
        NodeList spine = pkg.getElementsByTagNameNS("*", "itemref");
        for (int i = 0; i < spine.getLength(); i++) {
            smils.add(byId.get(((Element) spine.item(i)).getAttribute("idref")));
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                if (!listed.contains(f.getFileName().toString())) {
                    out.add(opf.getFileName() + ": " + f.getFileName() + " is in the book but not in the manifest");
                }
            }
        }
        if (dtbook == null || ncx == null) {
            out.add(opf.getFileName() + ": the manifest lists no " + (dtbook == null ? "DTBook" : "NCX"));
            return out;
        }
        dtd(opf, out);
        dtd(folder.resolve(dtbook), out);
        dtd(folder.resolve(ncx), out);
        for (String r : listed) {
            if (r.endsWith(".res")) {
                dtd(folder.resolve(r), out);
            }
        }
        List<Path> smilFiles = smils.stream().map(folder::resolve).toList();
        Set<String> parIds = new HashSet<>();
        for (Path smil : smilFiles) {
            dtd(smil, out);
            NodeList pars = Daisy202Validator.parse(smil).getElementsByTagNameNS("*", "par");
            for (int i = 0; i < pars.getLength(); i++) {
                parIds.add(smil.getFileName() + "#" + ((Element) pars.item(i)).getAttribute("id"));
            }
        }
        references(Daisy202Validator.parse(folder.resolve(dtbook)), "smilref", dtbook, parIds, out);
        references(Daisy202Validator.parse(folder.resolve(ncx)), "src", ncx, parIds, out);
        String total = null;
        NodeList metas = pkg.getElementsByTagNameNS("*", "meta");
        for (int i = 0; i < metas.getLength(); i++) {
            Element m = (Element) metas.item(i);
            if ("dtb:totalTime".equals(m.getAttribute("name"))) {
                total = m.getAttribute("content");
            }
        }
        if (total == null) {
            out.add(opf.getFileName() + ": no dtb:totalTime");
            return out;
        }
        SmilTiming.check(folder, smilFiles, new SmilTiming.Dialect(dtbook, "clipBegin", "clipEnd",
                "dtb:totalElapsedTime", null, "dtb:totalTime"), SmilTiming.ms(total), out);
        return out;
    }

    /** Every {@code attribute} of {@code doc} that points into a SMIL file names one of its {@code par}s. */
    private static void references(Document doc, String attribute, String name, Set<String> parIds,
                                   List<String> out) {
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String ref = e.getAttribute(attribute);
            if (ref.contains(".smil#") && !parIds.contains(ref)) {
                out.add(name + ": " + e.getLocalName() + " " + attribute + "=\"" + ref + "\" points at no par");
            }
        }
    }

    /** {@code file} against the DTD its DOCTYPE names, read from the DAISY Pipeline's modules by its file name. */
    private static void dtd(Path file, List<String> out) throws Exception {
        Daisy202Validator.dtd(file, (publicId, systemId) -> {
            String name = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
            URL local = Daisy3Validator.class.getResource("/xml/dtd/" + name);
            if (local == null) {
                throw new java.io.FileNotFoundException("no DTD named " + name + " among the DAISY Pipeline's");
            }
            return new InputSource(local.toString());
        }, out);
    }
}
