package io.rawi.check;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.s9api.XsltTransformer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
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
import java.util.List;
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
    static final Processor SAXON = new Processor(false);

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
        EmbeddedSchematron.check(ncc, SCHEMAS + "d202ncc.rng", out);
        for (Path smil : smils) {
            EmbeddedSchematron.check(smil, SCHEMAS + "d202smil.rng", out);
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
        long total = SmilTiming.ms(SmilTiming.meta(parse(folder.resolve("ncc.html")), "ncc:totalTime"));
        SmilTiming.check(folder, smils, new SmilTiming.Dialect("content.html", "clip-begin", "clip-end", "ncc:totalElapsedTime",
                "ncc:timeInThisSmil", "ncc:totalTime"), total, out);
    }

}
