package io.rawi.epubin;

import io.rawi.EpubFixtures;
import io.rawi.error.BadInputException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks on an EPUB's entries before anything parses them: DRM, XML entities, DOCTYPEs, the container. */
class EpubArchiveTest {
    private static Map<String, byte[]> book() throws Exception {
        return new LinkedHashMap<>(EpubFixtures.epub3Rtl());
    }

    /** An {@code encryption.xml} that encrypts {@code uri} with {@code algorithm}. */
    private static byte[] encryption(String algorithm, String uri) {
        return ("<encryption xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\" "
                + "xmlns:enc=\"http://www.w3.org/2001/04/xmlenc#\"><enc:EncryptedData><enc:EncryptionMethod "
                + "Algorithm=\"" + algorithm + "\"/><enc:CipherData><enc:CipherReference URI=\"" + uri
                + "\"/></enc:CipherData></enc:EncryptedData></encryption>").getBytes(StandardCharsets.UTF_8);
    }

    private static String refusal(Map<String, byte[]> entries) {
        return assertThrows(BadInputException.class, () -> EpubArchive.check("b.epub", entries)).getMessage();
    }

    @Test
    void everyKindOfDrmIsRefusedSayingWhich() throws Exception {
        Map<String, byte[]> rights = book();
        rights.put("META-INF/rights.xml", "<rights/>".getBytes(StandardCharsets.UTF_8));
        assertTrue(refusal(rights).contains("META-INF/rights.xml"), refusal(rights));
        Map<String, byte[]> lcp = book();
        lcp.put("META-INF/license.lcpl", "{}".getBytes(StandardCharsets.UTF_8));
        assertTrue(refusal(lcp).contains("Readium LCP"), refusal(lcp));
        Map<String, byte[]> aes = book();
        aes.put("META-INF/encryption.xml", encryption("http://www.w3.org/2001/04/xmlenc#aes256-cbc", "OEBPS/c1.xhtml"));
        assertTrue(refusal(aes).contains("aes256-cbc"), refusal(aes));
        Map<String, byte[]> empty = book();
        empty.put("META-INF/encryption.xml", "<encryption/>".getBytes(StandardCharsets.UTF_8));
        assertTrue(refusal(empty).contains("encryption.xml"), refusal(empty));
        for (Map<String, byte[]> m : java.util.List.of(rights, lcp, aes, empty)) {
            assertTrue(refusal(m).endsWith(EpubArchive.NO_DRM), refusal(m));
        }
    }

    @Test
    void obfuscatedFontsAreTheOnlyEncryptionAllowed() throws Exception {
        Map<String, byte[]> fonts = book();
        fonts.put("META-INF/encryption.xml", encryption("http://www.idpf.org/2008/embedding", "OEBPS/fonts/a.otf"));
        assertEquals(Set.of("OEBPS/fonts/a.otf"), EpubArchive.check("b.epub", fonts).obfuscated());
        assertEquals(Set.of(), EpubArchive.check("b.epub", book()).obfuscated());
    }

    @Test
    void entitiesAreRefusedAndDoctypesRemovedWhereEpublibParses() throws Exception {
        Map<String, byte[]> xxe = book();
        xxe.put("OEBPS/c2.xhtml", ("<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<html><body><p>&x;</p></body></html>").getBytes(StandardCharsets.UTF_8));
        assertTrue(refusal(xxe).contains("OEBPS/c2.xhtml declares XML entities"), refusal(xxe));
        Map<String, byte[]> dtd = book();
        String opf = new String(dtd.get("OEBPS/content.opf"), StandardCharsets.UTF_8).replaceFirst("\\?>",
                "?><!DOCTYPE package PUBLIC \"x\" \"http://example.com/x.dtd\">");
        dtd.put("OEBPS/content.opf", opf.getBytes(StandardCharsets.UTF_8));
        String checked = new String(EpubArchive.check("b.epub", dtd).entries().get("OEBPS/content.opf"),
                StandardCharsets.UTF_8);
        assertFalse(checked.contains("DOCTYPE"), checked);
        assertTrue(checked.contains("<package"), "only the DOCTYPE went");
    }

    @Test
    void aZipWithoutContainerIsNoEpub() throws Exception {
        Map<String, byte[]> none = book();
        none.remove("META-INF/container.xml");
        assertTrue(refusal(none).contains("not an EPUB"), refusal(none));
    }
}
