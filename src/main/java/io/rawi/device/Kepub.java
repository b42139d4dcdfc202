package io.rawi.device;

import io.rawi.error.BadInputException;
import io.rawi.error.RawiException;
import io.rawi.source.SafeZip;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Makes a Kobo EPUB ({@code .kepub.epub}) from a rawi book: inside every sentence span, a Kobo span
 * ({@code <span class="koboSpan" id="kobo.P.S">}) that Kobo's reader uses for position, highlights and statistics, and
 * the body wrapped in {@code book-columns}/{@code book-inner}. rawi's own ids stay, so the file remains a valid EPUB.
 */
public final class Kepub {
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final int MAX_DOCUMENT_MIB = 16;
    private static final Pattern SENTENCE = Pattern.compile("[pht]\\d+s\\d+");

    private Kepub() {
    }

    /**
     * Writes the Kobo edition of {@code epub} to {@code out}, streamed: one entry at a time, each read under the same
     * archive limits as {@code convert} reads an EPUB ({@link SafeZip.Limits#STREAMED}); media are copied through a
     * buffer, only content documents (each at most {@value #MAX_DOCUMENT_MIB} MiB) are held to be rewritten.
     */
    public static void convert(Path epub, OutputStream out) throws IOException, RawiException {
        ZipOutputStream zip = new ZipOutputStream(out);
        byte[] buffer = new byte[64 * 1024];
        SafeZip.forEach(epub.toString(), epub, SafeZip.Limits.STREAMED, (e, in) -> {
            String name = e.getName();
            ZipEntry copy;
            if (name.startsWith("OEBPS/text/") && name.endsWith(".xhtml")) {
                byte[] bytes = in.readNBytes((MAX_DOCUMENT_MIB << 20) + 1);
                if (bytes.length > MAX_DOCUMENT_MIB << 20) {
                    throw new BadInputException(epub + ": " + name + " is larger than " + MAX_DOCUMENT_MIB
                            + " MiB; refused");
                }
                bytes = koboSpans(bytes, epub, name);
                copy = new ZipEntry(name);
                copy.setTimeLocal(e.getTimeLocal());
                zip.putNextEntry(copy);
                zip.write(bytes);
            } else {
                copy = new ZipEntry(name);
                if (e.getMethod() == ZipEntry.STORED) { // media and the mimetype stay stored, as in the book
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(e.getSize());
                    copy.setCompressedSize(e.getSize());
                    copy.setCrc(e.getCrc()); // checked against the bytes copied when the entry is closed
                }
                copy.setTimeLocal(e.getTimeLocal());
                zip.putNextEntry(copy);
                for (int n; (n = in.read(buffer)) > 0; ) {
                    zip.write(buffer, 0, n);
                }
            }
            zip.closeEntry();
        });
        zip.finish();
        zip.flush();
    }

    private static byte[] koboSpans(byte[] xhtml, Path epub, String name) throws BadInputException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setExpandEntityReferences(false);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml));
            NodeList spans = doc.getElementsByTagNameNS(XHTML, "span");
            int paragraph = 0;
            int sentence = 0;
            String lastParent = null;
            for (int i = 0; i < spans.getLength(); i++) {
                Element span = (Element) spans.item(i);
                if (!SENTENCE.matcher(span.getAttribute("id")).matches()) {
                    continue;
                }
                String parent = span.getAttribute("id").replaceAll("s\\d+$", "");
                if (!parent.equals(lastParent)) {
                    paragraph++;
                    sentence = 0;
                    lastParent = parent;
                }
                Element kobo = doc.createElementNS(XHTML, "span");
                kobo.setAttribute("class", "koboSpan");
                kobo.setAttribute("id", "kobo." + paragraph + "." + (++sentence));
                while (span.getFirstChild() != null) {
                    kobo.appendChild(span.getFirstChild());
                }
                span.appendChild(kobo);
            }
            Element body = (Element) doc.getElementsByTagNameNS(XHTML, "body").item(0);
            Element columns = doc.createElementNS(XHTML, "div");
            columns.setAttribute("id", "book-columns");
            Element inner = doc.createElementNS(XHTML, "div");
            inner.setAttribute("id", "book-inner");
            columns.appendChild(inner);
            while (body.getFirstChild() != null) {
                Node child = body.getFirstChild();
                inner.appendChild(child);
            }
            body.appendChild(columns);
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.METHOD, "xml");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.DOCTYPE_SYSTEM, "about:legacy-compat");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (SAXException | IOException e) {
            throw new BadInputException(epub + ": " + name + " is not well-formed XHTML (" + e.getMessage() + ")");
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the file starts as an EPUB must: a stored {@code mimetype} entry saying {@code application/epub+zip}. */
    public static boolean isEpub(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(58);
            return head.length == 58
                    && new String(head, 30, 28, StandardCharsets.US_ASCII).equals("mimetypeapplication/epub+zip");
        }
    }
}
