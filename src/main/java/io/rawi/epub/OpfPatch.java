package io.rawi.epub;

import io.rawi.book.Imported;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The package document of an EPUB 3 book that came in, patched rather than rewritten: every element of its metadata,
 * manifest and spine stays as it was, and only these change: {@code dcterms:modified}; the manifest items of the
 * annotated documents (their {@code media-overlay}); rawi's files
 * (audio, overlays, the highlight's style) are added; and, for the narration, the {@code media:} properties and the
 * accessibility metadata that narration makes true (auditory access, synchronised audio). The publisher's own
 * accessibility metadata is kept and no conformance is claimed for their content.
 */
final class OpfPatch {
    static final String OPF = "http://www.idpf.org/2007/opf";
    private static final Set<String> OVERLAY_PROPERTIES = Set.of("media:duration", "media:active-class",
            "media:playback-active-class", "media:narrator");

    private OpfPatch() {
    }

    static byte[] write(EpubPackage pkg) {
        Imported.Original original = pkg.original().orElseThrow();
        try {
            Document doc = parse(original.entries().get(original.opfPath()));
            Element metadata = child(doc.getDocumentElement(), "metadata");
            Element manifest = child(doc.getDocumentElement(), "manifest");
            Map<String, Element> items = new HashMap<>();
            for (Element item : children(manifest, "item")) {
                items.put(item.getAttribute("id"), item);
            }
            if (original.dropOverlays()) {
                dropOverlays(metadata, manifest, items);
            }
            setModified(doc, metadata, PackageDocument.MODIFIED.format(
                    pkg.metadata().modified().truncatedTo(ChronoUnit.SECONDS)));
            Map<String, String> renamed = new HashMap<>();
            Set<String> replaced = new LinkedHashSet<>();
            for (Resource r : pkg.resources()) {
                Element item = items.get(r.id());
                if (item != null && item.getAttribute("href").equals(r.href())) {
                    replaced.add(r.id());
                }
            }
            for (Resource r : pkg.resources()) {
                if (items.containsKey(r.id()) && !replaced.contains(r.id())) {
                    String id = r.id() + "-rawi";
                    for (int n = 2; items.containsKey(id); n++) {
                        id = r.id() + "-rawi" + n;
                    }
                    renamed.put(r.id(), id);
                }
            }
            boolean narrated = false;
            for (Resource r : pkg.resources()) {
                String overlay = r.mediaOverlay() == null ? null : renamed.getOrDefault(r.mediaOverlay(), r.mediaOverlay());
                narrated |= overlay != null;
                Element item = replaced.contains(r.id()) ? items.get(r.id()) : null;
                if (item == null) {
                    item = doc.createElementNS(OPF, prefixed(manifest, "item"));
                    item.setAttribute("id", renamed.getOrDefault(r.id(), r.id()));
                    item.setAttribute("href", r.href());
                    item.setAttribute("media-type", r.mediaType());
                    if (!r.properties().isEmpty()) {
                        item.setAttribute("properties", String.join(" ", r.properties().stream().sorted().toList()));
                    }
                    manifest.appendChild(item);
                    items.put(item.getAttribute("id"), item);
                }
                if (overlay != null) {
                    item.setAttribute("media-overlay", overlay);
                }
            }
            boolean hasActiveClass = !metas(metadata, "media:active-class").isEmpty();
            for (MetaProperty m : pkg.metas()) {
                if (m.property().equals("media:active-class") && hasActiveClass) {
                    continue;
                }
                Element meta = meta(doc, metadata, m.property(), m.value());
                if (m.refines() != null) {
                    meta.setAttribute("refines", "#" + renamed.getOrDefault(m.refines(), m.refines()));
                }
                if (m.id() != null) {
                    meta.setAttribute("id", m.id());
                }
            }
            if (narrated) {
                addOnce(doc, metadata, "schema:accessMode", "auditory");
                addOnce(doc, metadata, "schema:accessModeSufficient", "auditory");
                addOnce(doc, metadata, "schema:accessibilityFeature", "synchronizedAudioText");
            }
            return serialise(doc);
        } catch (Exception e) {
            throw new IllegalStateException("cannot patch the package document " + original.opfPath() + ": " + e, e);
        }
    }

    /** Removes the book's own overlays: their manifest items, the documents' references and the media: metadata. */
    private static void dropOverlays(Element metadata, Element manifest, Map<String, Element> items) {
        for (Element item : new ArrayList<>(items.values())) {
            item.removeAttribute("media-overlay");
            if (item.getAttribute("media-type").equals("application/smil+xml")) {
                manifest.removeChild(item);
                items.remove(item.getAttribute("id"));
            }
        }
        for (String property : OVERLAY_PROPERTIES) {
            for (Element meta : metas(metadata, property)) {
                metadata.removeChild(meta);
            }
        }
    }

    private static void setModified(Document doc, Element metadata, String value) {
        for (Element meta : metas(metadata, "dcterms:modified")) {
            if (!meta.hasAttribute("refines")) {
                meta.setTextContent(value);
                return;
            }
        }
        meta(doc, metadata, "dcterms:modified", value);
    }

    private static void addOnce(Document doc, Element metadata, String property, String value) {
        for (Element meta : metas(metadata, property)) {
            if (meta.getTextContent().trim().equals(value)) {
                return;
            }
        }
        meta(doc, metadata, property, value);
    }

    private static Element meta(Document doc, Element metadata, String property, String value) {
        Element meta = doc.createElementNS(OPF, prefixed(metadata, "meta"));
        meta.setAttribute("property", property);
        meta.setTextContent(value);
        metadata.appendChild(meta);
        return meta;
    }

    private static List<Element> metas(Element metadata, String property) {
        List<Element> out = new ArrayList<>();
        for (Element meta : children(metadata, "meta")) {
            if (meta.getAttribute("property").equals(property)) {
                out.add(meta);
            }
        }
        return out;
    }

    /** {@code local} with the prefix the OPF namespace has on {@code parent}, if it has one. */
    private static String prefixed(Element parent, String local) {
        String prefix = parent.getPrefix();
        return prefix == null || !OPF.equals(parent.getNamespaceURI()) ? local : prefix + ":" + local;
    }

    private static Element child(Element parent, String local) {
        List<Element> found = children(parent, local);
        if (found.isEmpty()) {
            throw new IllegalStateException("no <" + local + "> in the package document");
        }
        return found.get(0);
    }

    private static List<Element> children(Element parent, String local) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && local.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setExpandEntityReferences(false);
        f.setXIncludeAware(false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        var builder = f.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                throw e;
            }
        });
        return builder.parse(new ByteArrayInputStream(bytes));
    }

    private static byte[] serialise(Document doc) throws Exception {
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        var t = tf.newTransformer();
        t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        t.setOutputProperty(OutputKeys.STANDALONE, "no");
        doc.setXmlStandalone(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }
}
