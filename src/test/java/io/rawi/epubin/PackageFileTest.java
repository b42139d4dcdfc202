package io.rawi.epubin;

import io.rawi.error.BadInputException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What rawi reads of a package document first: where it is, its version, its overlays and nav, a sound spine. */
class PackageFileTest {
    private static Map<String, byte[]> book(String version, String manifest, String spine, String... files) {
        Map<String, byte[]> entries = new HashMap<>();
        entries.put("META-INF/container.xml", ("<container xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">"
                + "<rootfiles><rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/>"
                + "</rootfiles></container>").getBytes(StandardCharsets.UTF_8));
        entries.put("OEBPS/content.opf", ("<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"" + version + "\">"
                + "<manifest>" + manifest + "</manifest><spine>" + spine + "</spine></package>")
                .getBytes(StandardCharsets.UTF_8));
        for (String f : files) {
            entries.put(f, new byte[] {1});
        }
        return entries;
    }

    @Test
    void readsTheVersionTheOverlaysAndTheNavigationDocument() throws Exception {
        PackageFile p = PackageFile.read("b.epub", book("3.0",
                "<item id=\"nav\" href=\"nav.xhtml\" properties=\"scripted nav\" media-type=\"application/xhtml+xml\"/>"
                        + "<item id=\"c1\" href=\"text/c%201.xhtml\" media-overlay=\"s1\" media-type=\"application/xhtml+xml\"/>"
                        + "<item id=\"s1\" href=\"c1.smil\" media-type=\"application/smil+xml\"/>",
                "<itemref idref=\"c1\"/>", "OEBPS/text/c 1.xhtml"));
        assertEquals("OEBPS/content.opf", p.path());
        assertTrue(p.epub3());
        assertEquals(Set.of("text/c%201.xhtml"), p.overlaid());
        assertEquals(Optional.of("nav.xhtml"), p.nav());
        PackageFile two = PackageFile.read("b.epub", book("2.0",
                "<item id=\"c1\" href=\"c1.xhtml\" media-type=\"application/xhtml+xml\"/>", "<itemref idref=\"c1\"/>",
                "OEBPS/c1.xhtml"));
        assertFalse(two.epub3());
        assertEquals(Optional.empty(), two.nav());
    }

    @Test
    void aSpineItemMissingOrOutsideTheBookIsAnInputError() {
        String item = "<item id=\"c1\" href=\"%s\" media-type=\"application/xhtml+xml\"/>";
        BadInputException missing = assertThrows(BadInputException.class, () -> PackageFile.read("b.epub",
                book("3.0", item.formatted("c1.xhtml"), "<itemref idref=\"c1\"/>")));
        assertTrue(missing.getMessage().contains("c1.xhtml is missing from the book"), missing.getMessage());
        for (String href : new String[] {"../../etc/passwd", "file:///etc/passwd", "/etc/passwd"}) {
            BadInputException outside = assertThrows(BadInputException.class, () -> PackageFile.read("b.epub",
                    book("3.0", item.formatted(href), "<itemref idref=\"c1\"/>")));
            assertTrue(outside.getMessage().contains("points outside the book"), outside.getMessage());
        }
        BadInputException unlisted = assertThrows(BadInputException.class, () -> PackageFile.read("b.epub",
                book("3.0", item.formatted("c1.xhtml"), "<itemref idref=\"c9\"/>", "OEBPS/c1.xhtml")));
        assertTrue(unlisted.getMessage().contains("'c9', which the manifest does not list"), unlisted.getMessage());
    }

    @Test
    void hrefsResolveInsideTheContainerOrNotAtAll() {
        assertEquals("OEBPS/text/a b.xhtml", PackageFile.inside("OEBPS/", "text/a%20b.xhtml#p1"));
        assertEquals("OEBPS/a+b.xhtml", PackageFile.inside("OEBPS/", "a+b.xhtml"));
        assertEquals("img/x.png", PackageFile.inside("OEBPS/", "../img/./x.png"));
        assertNull(PackageFile.inside("OEBPS/", "../../x.png"));
        assertNull(PackageFile.inside("", "https://example.com/x.xhtml"));
        assertNull(PackageFile.inside("OEBPS/", ""));
    }
}
