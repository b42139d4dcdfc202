package io.rawi.check;

import net.sf.saxon.s9api.XdmNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ISO Schematron asserts the DAISY Pipeline embeds in its RELAX NG schemas, read from the schemas themselves,
 * compiled once with Saxon's XPath, and checked on a file.
 */
final class EmbeddedSchematron {
    private EmbeddedSchematron() {
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
    static void check(Path file, String rng, List<String> out) throws Exception {
        XdmNode doc = Daisy202Validator.SAXON.newDocumentBuilder().wrap(Daisy202Validator.parse(file));
        for (Assert a : EMBEDDED.computeIfAbsent(rng, EmbeddedSchematron::embedded)) {
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
            Document schema = f.newDocumentBuilder().parse(Daisy202Validator.resource(rng).toString());
            net.sf.saxon.s9api.XPathCompiler xpath = Daisy202Validator.SAXON.newXPathCompiler();
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
}
