package io.rawi.check;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import io.rawi.audio.Mp3Frames;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.s9api.XsltTransformer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.dom.DOMSource;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Validates a DAISY 2.02 book by the DAISY community's own rules: the DAISY Pipeline 2's DTDs and RELAX NG schemas
 * ({@code daisy202-utils}) for the NCC, the SMIL files and the master SMIL; the XHTML 1.0 Transitional DTD for the
 * content; the Pipeline's XSLT checks of heading hierarchy and references ({@code daisy202-validator}, run with
 * Saxon-HE as its XProc runs them); and the timing the issue asks for: the clips add up to each SMIL's declared
 * time, to {@code ncc:totalTime}, and to the audio files' own lengths, and every {@code text} and {@code audio}
 * points at something that exists; and the ISO Schematron rules the schemas of the NCC and the SMIL files embed
 * (how many of each meta, the page and item counts), evaluated with Saxon's XPath.
 */
public final class Daisy202Validator {
    private static final String SCHEMAS = "/xml/schemas/d202/";
    private static final String STEPS = "/xml/xproc/steps/";
    private static final String XHTML_DTD = "/com/adobe/epubcheck/schema/20/dtd/xhtml1-transitional.dtd";
    private static final Processor SAXON = new Processor(false);

    private Daisy202Validator() {
    }

    /** The rules' versions, for the report. */
    public static final String RULES = "DAISY Pipeline 2 rules (daisy202-utils 1.6.5, daisy202-validator 2.1.2)";

    /** Validates the DAISY 2.02 book in {@code folder}; every problem is an error. */
    public static ValidationReport validate(Path folder) throws io.rawi.error.RawiException {
        if (!Files.isRegularFile(folder.resolve("ncc.html"))) {
            throw new io.rawi.error.BadInputException(folder + ": not a DAISY 2.02 book (no ncc.html)");
        }
        return report(RULES, folder, () -> problems(folder));
    }

    /** The problems a check finds, or throws on a book it cannot read through. */
    interface Check {
        List<String> problems() throws Exception;
    }

    /**
     * The report of {@code check} on the book in {@code folder}: every problem an error; a file that is not
     * well-formed, or a missing meta or MP3 frame, a fatal fault of the book; only a failure to read is rawi's.
     */
    static ValidationReport report(String rules, Path folder, Check check) throws io.rawi.error.RawiException {
        try {
            List<String> problems = check.problems();
            return new ValidationReport(rules, 0, problems.size(), 0, problems);
        } catch (org.xml.sax.SAXParseException e) { // not well-formed: the first fault, and no further check
            return new ValidationReport(rules, 1, 0, 0, List.of("not well-formed: " + e.getSystemId() + ":"
                    + e.getLineNumber() + ": " + e.getMessage()));
        } catch (java.io.IOException e) {
            throw new io.rawi.error.ProcessingException(folder + ": cannot read the DAISY book ("
                    + io.rawi.internal.IoMessages.reason(e) + ")", e);
        } catch (Exception e) { // a missing meta, a file that is no MP3: the book is wrong, not rawi
            return new ValidationReport(rules, 1, 0, 0, List.of(String.valueOf(e.getMessage())));
        }
    }

    /** Every problem of the DAISY 2.02 book in {@code folder}, one line each. */
    public static List<String> problems(Path folder) throws Exception {
        List<String> out = new ArrayList<>();
        Path ncc = folder.resolve("ncc.html");
        List<Path> smils;
        try (Stream<Path> files = Files.list(folder)) {
            smils = files.filter(f -> f.toString().endsWith(".smil") && !f.getFileName().toString().equals("master.smil"))
                    .sorted().toList();
        }
        dtd(ncc, SCHEMAS + "d202ncc.dtd", out);
        rng(ncc, SCHEMAS + "d202ncc.rng", out);
        dtd(folder.resolve("master.smil"), SCHEMAS + "d202msmil.dtd", out);
        rng(folder.resolve("master.smil"), SCHEMAS + "d202msmil.rng", out);
        for (Path smil : smils) {
            dtd(smil, SCHEMAS + "d202smil.dtd", out);
            rng(smil, SCHEMAS + "d202smil.rng", out);
        }
        dtd(folder.resolve("content.html"), XHTML_DTD, out);
        schematron(ncc, SCHEMAS + "d202ncc.rng", out);
        for (Path smil : smils) {
            schematron(smil, SCHEMAS + "d202smil.rng", out);
        }
        headings(ncc, out);
        headings(folder.resolve("content.html"), out);
        references(folder, out);
        timing(folder, smils, out);
        return out;
    }

    /** The DAISY schemas, extracted from their jar once per process. */
    private static final io.rawi.internal.Once<Path> SCHEMA_FOLDER = new io.rawi.internal.Once<>(
            Daisy202Validator::extractSchemas);

    /**
     * {@code name} from the DAISY schemas, copied out of their jar with the folders beside it: the schemas include
     * each other by relative paths, which a {@code jar:} URL does not resolve.
     */
    private static Path extracted(String name) throws Exception {
        return SCHEMA_FOLDER.get().resolve(name.substring(1));
    }

    private static Path extractSchemas() throws Exception {
        Path dir = Files.createTempDirectory("rawi-daisy-schemas");
        java.net.JarURLConnection jar = (java.net.JarURLConnection) resource(SCHEMAS + "d202ncc.rng")
                .openConnection();
        try (java.util.jar.JarFile file = jar.getJarFile()) {
            for (var e : java.util.Collections.list(file.entries())) {
                if (e.getName().startsWith("xml/schemas/") && !e.isDirectory()) {
                    Path to = dir.resolve(e.getName());
                    Files.createDirectories(to.getParent());
                    try (var in = file.getInputStream(e)) {
                        Files.copy(in, to);
                    }
                }
            }
        }
        return dir;
    }

    static URL resource(String name) {
        URL url = Daisy202Validator.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is not on the test class path");
        }
        return url;
    }

    /** Every DTD the document names is read as {@code dtd}: the DAISY validation DTD for its kind of file. */
    private static void dtd(Path file, String dtd, List<String> out) throws Exception {
        URL url = resource(dtd);
        dtd(file, (publicId, systemId) -> {
            if (systemId != null && systemId.endsWith(".dtd")) {
                return new InputSource(url.toString());
            }
            // XHTML's character entity sets, which the DAISY DTDs name too: EPUBCheck carries them
            String set = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
            return new InputSource(resource(XHTML_DTD.replace("xhtml1-transitional.dtd", "")
                    + set.replace(".ent", ".dtdinc")).toString());
        }, out);
    }

    /** {@code file} validated against the DTD (and entity sets) that {@code resolver} gives for its DOCTYPE. */
    static void dtd(Path file, EntityResolver resolver, List<String> out) throws Exception {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setValidating(true);
        f.setNamespaceAware(false);
        var reader = f.newSAXParser().getXMLReader();
        reader.setEntityResolver(resolver);
        reader.setErrorHandler(collect(file, "DTD", out));
        reader.parse(new InputSource(file.toUri().toString()));
    }

    private static void rng(Path file, String schema, List<String> out) throws Exception {
        PropertyMapBuilder props = new PropertyMapBuilder();
        ErrorHandler errors = collect(file, "RELAX NG", out);
        props.put(ValidateProperty.ERROR_HANDLER, errors);
        EntityResolver noDtd = (publicId, systemId) -> systemId != null && systemId.matches(".*\\.(dtd|ent)")
                ? new InputSource(new StringReader("")) : null; // the documents' DTDs unread: no defaulted attributes
        props.put(ValidateProperty.ENTITY_RESOLVER, noDtd);
        ValidationDriver driver = new ValidationDriver(props.toPropertyMap());
        if (!driver.loadSchema(new InputSource(extracted(schema).toUri().toString()))) {
            throw new IllegalStateException(schema + " did not load");
        }
        driver.validate(new InputSource(file.toUri().toString()));
    }

    private static ErrorHandler collect(Path file, String by, List<String> out) {
        return new ErrorHandler() {
            public void warning(SAXParseException e) {
                out.add(by + " warning: " + file.getFileName() + ":" + e.getLineNumber() + ": " + e.getMessage());
            }

            public void error(SAXParseException e) {
                out.add(by + ": " + file.getFileName() + ":" + e.getLineNumber() + ": " + e.getMessage());
            }

            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
    }

    private static final String SCH = "http://purl.oclc.org/dsdl/schematron";
    /** The Schematron asserts embedded in each schema, read and compiled once. */
    private static final java.util.Map<String, List<Assert>> EMBEDDED = new java.util.concurrent.ConcurrentHashMap<>();

    /** A Pipeline Schematron message: {@code [sch][dtb::d202][type::warning][msg::what is wrong]}, type optional. */
    private static final java.util.regex.Pattern MESSAGE =
            java.util.regex.Pattern.compile("(?:\\[type::(\\w+)])?\\[msg::([^]]*)]");

    /** An embedded assert, compiled: the nodes its rule applies to, its test, and its message as the report says it. */
    private record Assert(net.sf.saxon.s9api.XPathExecutable context, net.sf.saxon.s9api.XPathExecutable test,
                          String message) {
    }

    /**
     * The ISO Schematron rules the DAISY Pipeline embeds in its RELAX NG schema {@code rng} (how many of each meta a
     * file may have, and the like), evaluated on {@code file} with Saxon's XPath: each {@code assert} whose test is
     * false for a node its rule's context selects is a problem, in the rule's own words. (The schemas use only
     * {@code ns}, {@code pattern}, {@code rule} and {@code assert}, each pattern with one rule.)
     */
    private static void schematron(Path file, String rng, List<String> out) throws Exception {
        XdmNode doc = SAXON.newDocumentBuilder().wrap(parse(file));
        for (Assert a : EMBEDDED.computeIfAbsent(rng, Daisy202Validator::embedded)) {
            net.sf.saxon.s9api.XPathSelector context = a.context().load();
            context.setContextItem(doc);
            for (net.sf.saxon.s9api.XdmItem node : context.evaluate()) {
                net.sf.saxon.s9api.XPathSelector test = a.test().load();
                test.setContextItem(node);
                if (!test.effectiveBooleanValue()) {
                    out.add(file.getFileName() + ": " + a.message());
                }
            }
        }
    }

    /** The asserts of {@code rng}, compiled once with the namespaces it declares. */
    private static List<Assert> embedded(String rng) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document schema = f.newDocumentBuilder().parse(resource(rng).toString());
            net.sf.saxon.s9api.XPathCompiler xpath = SAXON.newXPathCompiler();
            NodeList ns = schema.getElementsByTagNameNS(SCH, "ns");
            for (int i = 0; i < ns.getLength(); i++) {
                Element e = (Element) ns.item(i);
                xpath.declareNamespace(e.getAttribute("prefix"), e.getAttribute("uri"));
            }
            String from = " (DAISY Pipeline Schematron, " + rng.substring(rng.lastIndexOf('/') + 1) + ")";
            List<Assert> asserts = new ArrayList<>();
            NodeList rules = schema.getElementsByTagNameNS(SCH, "rule");
            for (int i = 0; i < rules.getLength(); i++) {
                Element rule = (Element) rules.item(i);
                net.sf.saxon.s9api.XPathExecutable context = xpath.compile("//" + rule.getAttribute("context"));
                NodeList as = rule.getElementsByTagNameNS(SCH, "assert");
                for (int k = 0; k < as.getLength(); k++) {
                    Element a = (Element) as.item(k);
                    String text = a.getTextContent().strip();
                    java.util.regex.Matcher m = MESSAGE.matcher(text);
                    asserts.add(new Assert(context, xpath.compile(a.getAttribute("test")), (m.find()
                            ? (m.group(1) == null ? "" : m.group(1) + ": ") + m.group(2).strip() : text) + from));
                }
            }
            return List.copyOf(asserts);
        } catch (Exception e) {
            throw new IllegalStateException(rng + ": cannot read its Schematron rules (" + e + ")", e);
        }
    }

    static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static XsltExecutable xslt(String name) throws Exception {
        return SAXON.newXsltCompiler().compile(new javax.xml.transform.stream.StreamSource(
                resource(STEPS + name).toString()));
    }

    /** The Pipeline's heading-hierarchy check, on one document. */
    private static void headings(Path file, List<String> out) throws Exception {
        XsltTransformer t = xslt("validate.check-heading-hierarchy.xsl").load();
        t.setSource(new DOMSource(parse(file), file.toUri().toString()));
        messages(t, out);
    }

    /**
     * The Pipeline's reference check, on the input its XProc builds: a wrapper holding the fileset (each file with
     * its media type), then every XML document with its base URI.
     */
    private static void references(Path folder, List<String> out) throws Exception {
        Document w = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        w = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
        String d = "http://www.daisy.org/ns/pipeline/data";
        Element wrapper = w.createElement("wrapper");
        w.appendChild(wrapper);
        Element fileset = w.createElementNS(d, "d:fileset");
        fileset.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:base", pipelineUri(folder));
        wrapper.appendChild(fileset);
        List<Path> all;
        try (Stream<Path> files = Files.list(folder)) {
            all = files.sorted().toList();
        }
        for (Path f : all) {
            Element e = w.createElementNS(d, "d:file");
            e.setAttribute("href", f.getFileName().toString());
            String name = f.getFileName().toString();
            e.setAttribute("media-type", name.endsWith(".smil") ? "application/smil+xml" : name.endsWith(".html")
                    ? "application/xhtml+xml" : name.endsWith(".mp3") ? "audio/mpeg" : "application/octet-stream");
            fileset.appendChild(e);
        }
        for (Path f : all) {
            String name = f.getFileName().toString();
            if (name.endsWith(".html") || name.endsWith(".smil")) {
                Element root = (Element) w.importNode(parse(f).getDocumentElement(), true);
                root.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:base", pipelineUri(f));
                wrapper.appendChild(root);
            }
        }
        XsltTransformer t = xslt("validate.check-references.xsl").load();
        t.setSource(new DOMSource(w, folder.toUri().toString()));
        messages(t, out);
    }

    /**
     * A file's URI as the Pipeline's fileset-load normalises it ({@code file:/tmp/x}): the check compares base URIs
     * with {@code resolve-uri} results as strings, and XPath's {@code resolve-uri} gives that form.
     */
    private static String pipelineUri(Path p) {
        return p.toUri().toString().replaceFirst("^file:///", "file:/");
    }

    private static void messages(XsltTransformer t, List<String> out) throws Exception {
        net.sf.saxon.s9api.XdmDestination result = new net.sf.saxon.s9api.XdmDestination();
        t.setDestination(result);
        t.setMessageHandler(message -> { }); // "reference to external resource skipped" and the like
        t.transform();
        XdmNode doc = result.getXdmNode();
        for (XdmNode m : doc.select(net.sf.saxon.s9api.streams.Steps.descendant("message")).toList()) {
            String severity = m.attribute("severity");
            if ("error".equals(severity) || "warning".equals(severity)) {
                out.add("DAISY Pipeline " + severity + ": " + m.getStringValue().strip().replaceAll("\\s+", " "));
            }
        }
    }

    /**
     * The clips of each SMIL file add up to its {@code ncc:timeInThisSmil} and {@code seq dur}, and they start
     * where the one before ended; the SMIL files add up to {@code ncc:totalTime}, each one's
     * {@code ncc:totalElapsedTime} being the sum of those before it; every audio file is played once, whole, and
     * its own length (its MPEG frames less LAME's delay and padding) is the length of its clips; every
     * {@code text} points at an element of the content.
     */
    private static void timing(Path folder, List<Path> smils, List<String> out) throws Exception {
        long total = ms(meta(parse(folder.resolve("ncc.html")), "ncc:totalTime"));
        timing(folder, smils, new Dialect("content.html", "clip-begin", "clip-end", "ncc:totalElapsedTime",
                "ncc:timeInThisSmil", "ncc:totalTime"), total, out);
    }

    /**
     * How a DAISY version writes its SMIL timing.
     *
     * @param textDocument the document every {@code text} points into
     * @param durationMeta the meta with each SMIL file's own duration, or null
     * @param totalName    what declares the book's total time, for messages
     */
    record Dialect(String textDocument, String clipBegin, String clipEnd, String elapsedMeta, String durationMeta,
                   String totalName) {
    }

    /**
     * The clips of each SMIL file add up to its declared duration and {@code seq dur}, each starting where the one
     * before in its audio file ended; each file's elapsed time is the sum of those before it; they all add up to
     * {@code total}; every audio file is played once, whole (its MPEG frames less LAME's delay and padding); every
     * {@code text} points at an element of the text document.
     */
    static void timing(Path folder, List<Path> smils, Dialect d, long total, List<String> out) throws Exception {
        Set<String> ids = new HashSet<>();
        NodeList all = parse(folder.resolve(d.textDocument())).getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            ids.add(((Element) all.item(i)).getAttribute("id"));
        }
        long elapsed = 0;
        java.util.Map<String, Long> perFile = new java.util.LinkedHashMap<>();
        for (Path smil : smils) {
            Document s = parse(smil);
            long sum = 0;
            NodeList audios = s.getElementsByTagNameNS("*", "audio");
            for (int i = 0; i < audios.getLength(); i++) {
                Element a = (Element) audios.item(i);
                long begin = ms(a.getAttribute(d.clipBegin()));
                long end = ms(a.getAttribute(d.clipEnd()));
                String src = a.getAttribute("src");
                long before = perFile.getOrDefault(src, 0L);
                if (begin != before) {
                    out.add(smil.getFileName() + ": " + src + " clip begins at " + begin + " ms, not where the one "
                            + "before ended (" + before + " ms)");
                }
                perFile.put(src, end);
                sum += end - begin;
            }
            NodeList texts = s.getElementsByTagNameNS("*", "text");
            String prefix = d.textDocument() + "#";
            for (int i = 0; i < texts.getLength(); i++) {
                String src = ((Element) texts.item(i)).getAttribute("src");
                if (!src.startsWith(prefix) || !ids.contains(src.substring(prefix.length()))) {
                    out.add(smil.getFileName() + ": text " + src + " points at nothing");
                }
            }
            long dur = ms(((Element) s.getElementsByTagNameNS("*", "seq").item(0)).getAttribute("dur"));
            long declared = d.durationMeta() == null ? dur : ms(meta(s, d.durationMeta()));
            if (declared != sum || dur != sum) {
                out.add(smil.getFileName() + ": clips add up to " + sum + " ms, declared " + declared + " ms, seq dur "
                        + dur + " ms");
            }
            long declaredElapsed = ms(meta(s, d.elapsedMeta()));
            if (declaredElapsed != elapsed) {
                out.add(smil.getFileName() + ": " + d.elapsedMeta() + " " + declaredElapsed + " ms, the files before "
                        + "it last " + elapsed + " ms");
            }
            elapsed += sum;
        }
        if (total != elapsed) {
            out.add(d.totalName() + " " + total + " ms, the SMIL files last " + elapsed + " ms");
        }
        long sound = 0;
        for (java.util.Map.Entry<String, Long> e : perFile.entrySet()) {
            Path audio = folder.resolve(e.getKey());
            if (!Files.isRegularFile(audio)) {
                out.add("audio " + e.getKey() + " is missing");
                continue;
            }
            double own = Mp3Frames.read(Files.readAllBytes(audio)).soundMs();
            sound += Math.round(own);
            if (Math.abs(own - e.getValue()) > 1) {
                out.add(e.getKey() + " lasts " + own + " ms, its clips end at " + e.getValue() + " ms");
            }
        }
        if (Math.abs(sound - total) > perFile.size()) {
            out.add("the audio files last " + sound + " ms, " + d.totalName() + " says " + total + " ms");
        }
    }

    static String meta(Document doc, String name) {
        NodeList metas = doc.getElementsByTagNameNS("*", "meta");
        for (int i = 0; i < metas.getLength(); i++) {
            Element m = (Element) metas.item(i);
            if (name.equals(m.getAttribute("name"))) {
                return m.getAttribute("content");
            }
        }
        throw new IllegalArgumentException("no meta " + name);
    }

    /** Milliseconds of a SMIL clock value as rawi writes them: {@code npt=12.345s}, {@code 12.345s} or h:mm:ss.mmm. */
    static long ms(String clock) {
        String v = clock.strip().replaceFirst("^npt=", "");
        if (v.endsWith("s")) {
            return Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000);
        }
        String[] hms = v.split(":");
        return Math.round((Long.parseLong(hms[0]) * 3600 + Long.parseLong(hms[1]) * 60 + Double.parseDouble(hms[2]))
                * 1000);
    }
}
