package io.rawi;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks a narrated EPUB's overlays against its own files: every {@code text@src} points at an element that exists;
 * every clip is non-empty and lies inside its audio file (as an independent decoder measures it); clips of one file
 * follow reading order without overlapping; and the {@code media:duration} values add up.
 */
public final class OverlayChecker {
    /** One {@code <par>}: what it shows and where it is heard. */
    public record Par(String textDoc, String textId, String audio, long beginMs, long endMs) {
    }

    private OverlayChecker() {
    }

    public static List<Par> check(Path epub) throws Exception {
        Map<String, byte[]> files = TestSupport.unzip(epub);
        Element rootfile = (Element) parse(files.get("META-INF/container.xml")).getElementsByTagNameNS("*", "rootfile").item(0);
        String opfPath = rootfile.getAttribute("full-path");
        String folder = opfPath.contains("/") ? opfPath.substring(0, opfPath.lastIndexOf('/') + 1) : "";
        Document opf = parse(files.get(opfPath));
        Map<String, Long> declared = new HashMap<>();
        NodeList metas = opf.getElementsByTagNameNS("*", "meta");
        for (int i = 0; i < metas.getLength(); i++) {
            Element meta = (Element) metas.item(i);
            if (meta.getAttribute("property").equals("media:duration")) {
                declared.put(meta.getAttribute("refines").replace("#", ""), clock(meta.getTextContent().trim()));
            }
        }
        Map<String, Long> audioMillis = new HashMap<>();
        Map<String, Set<String>> idsByDocument = new HashMap<>();
        List<Par> all = new ArrayList<>();
        long total = 0;
        NodeList manifest = opf.getElementsByTagNameNS("*", "item");
        for (int m = 0; m < manifest.getLength(); m++) {
            Element item = (Element) manifest.item(m);
            if (!item.getAttribute("media-type").equals("application/smil+xml")) {
                continue;
            }
            String smilId = item.getAttribute("id");
            String smilPath = folder + item.getAttribute("href");
            Document smil = parse(files.get(smilPath));
            NodeList pars = smil.getElementsByTagNameNS("http://www.w3.org/ns/SMIL", "par");
            long sum = 0;
            Map<String, Long> lastEnd = new HashMap<>();
            for (int i = 0; i < pars.getLength(); i++) {
                Element par = (Element) pars.item(i);
                Element text = (Element) par.getElementsByTagNameNS("*", "text").item(0);
                Element audio = (Element) par.getElementsByTagNameNS("*", "audio").item(0);
                assertTrue(text.compareDocumentPosition(audio) == org.w3c.dom.Node.DOCUMENT_POSITION_FOLLOWING,
                        "text comes before audio in " + par.getAttribute("id"));
                String[] src = text.getAttribute("src").split("#");
                String doc = resolve(smilPath, src[0]);
                String audioPath = resolve(smilPath, audio.getAttribute("src"));
                assertFalse(audio.getAttribute("src").contains("#"), "no fragment in audio URLs");
                Par p = new Par(doc, src[1], audioPath, clock(audio.getAttribute("clipBegin")),
                        clock(audio.getAttribute("clipEnd")));
                assertTrue(idsByDocument.computeIfAbsent(doc, x -> ids(files, x)).contains(p.textId()), p + ": no such id in " + doc);
                assertTrue(p.endMs() > p.beginMs(), p + ": empty clip");
                long length = audioMillis.computeIfAbsent(audioPath, a -> decodedMillis(files, a));
                assertTrue(p.endMs() <= length + 1, p + ": beyond the end of the audio (" + length + " ms)");
                assertTrue(p.beginMs() >= lastEnd.getOrDefault(audioPath, 0L), p + ": overlaps the clip before it");
                lastEnd.put(audioPath, p.endMs());
                sum += p.endMs() - p.beginMs();
                all.add(p);
            }
            assertEquals(declared.get(smilId), sum, "media:duration of " + smilId);
            total += sum;
        }
        assertEquals(declared.get(""), total, "the book's media:duration is the sum of the overlays'");
        return all;
    }

    private static Set<String> ids(Map<String, byte[]> files, String doc) {
        Set<String> ids = new HashSet<>();
        Matcher m = Pattern.compile(" id=\"([^\"]+)\"").matcher(new String(files.get(doc), StandardCharsets.UTF_8));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static long decodedMillis(Map<String, byte[]> files, String entry) {
        try {
            Path tmp = java.nio.file.Files.createTempFile("rawi-audio-", entry.substring(entry.lastIndexOf('.')));
            java.nio.file.Files.write(tmp, files.get(entry));
            try {
                return AudioProbe.decode(tmp).millis();
            } finally {
                java.nio.file.Files.delete(tmp);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String resolve(String from, String href) {
        return Path.of(from).getParent().resolve(href).normalize().toString();
    }

    /** Parses {@code H:MM:SS.fff}, refusing more than three decimals. */
    public static long clock(String value) {
        Matcher m = Pattern.compile("(\\d+):(\\d{2}):(\\d{2})\\.(\\d{3})").matcher(value);
        assertTrue(m.matches(), "clock value " + value + " is not H:MM:SS.fff");
        return Long.parseLong(m.group(1)) * 3_600_000 + Long.parseLong(m.group(2)) * 60_000
                + Long.parseLong(m.group(3)) * 1000 + Long.parseLong(m.group(4));
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
