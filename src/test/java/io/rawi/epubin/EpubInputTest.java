package io.rawi.epubin;

import io.rawi.EpubFixtures;
import io.rawi.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Existing EPUBs in: kept, upgraded to EPUB 3, given ids, valid; books with DRM refused. */
class EpubInputTest {
    @TempDir
    Path dir;

    private Map<String, byte[]> convert(String name, Map<String, byte[]> book, String... extra) throws Exception {
        Path in = EpubFixtures.write(dir.resolve(name + ".epub"), book);
        // --sync needs narration (with --no-audio it is refused): the deterministic tone voices narrate then
        List<String> args = new java.util.ArrayList<>(List.of("convert", in.toString(), "-o", dir.resolve("out").toString()));
        args.addAll(List.of(extra).contains("--sync") ? List.of("--voices", TestSupport.fakeVoices().toString())
                : List.of("--no-audio"));
        args.addAll(List.of(extra));
        TestSupport.Run run = TestSupport.cli(args.toArray(String[]::new)).expect(0);
        assertTrue(run.out().startsWith(dir.resolve("out/" + name + "/" + name + ".epub").toString()), run.out());
        assertFalse(run.out().contains("[D]") || run.out().contains("[E]"), "epublib's log stays off stdout: " + run.out());
        Path epub = dir.resolve("out/" + name + "/" + name + ".epub");
        TestSupport.assertValid(epub);
        return TestSupport.unzip(epub);
    }

    @Test
    void epub2IsUpgradedWithItsContentMetadataAndImagesKept() throws Exception {
        Map<String, byte[]> out = convert("lighthouse", EpubFixtures.epub2());
        String opf = TestSupport.text(out, "OEBPS/package.opf");
        assertTrue(opf.contains("version=\"3.0\""), opf);
        assertTrue(opf.contains("<dc:title id=\"title\">The Lighthouse Log</dc:title>"), opf);
        assertTrue(opf.contains(">Ada Fenwick</dc:creator>"), opf);
        assertTrue(opf.contains("<dc:publisher>Harbour Press</dc:publisher>"), opf);
        assertTrue(opf.contains("<dc:date>2019-06-01</dc:date>"), opf);
        assertTrue(opf.contains("urn:uuid:3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"), opf);
        assertTrue(opf.contains("href=\"book/images/cover.png\" media-type=\"image/png\" properties=\"cover-image\""), opf);
        assertTrue(opf.contains("page-progression-direction=\"ltr\""), opf);
        assertFalse(out.keySet().stream().anyMatch(n -> n.endsWith(".js")), "scripts are not carried over");
        String ch1 = TestSupport.text(out, "OEBPS/book/text/ch1.xhtml");
        assertFalse(ch1.contains("<script") || ch1.contains("onload") || ch1.contains("javascript:"), ch1);
        assertFalse(ch1.contains("XHTML 1.1"), "EPUB 3 documents have the HTML doctype");
        assertTrue(ch1.contains("<!DOCTYPE html>"), ch1);
        assertTrue(ch1.contains("<a id=\"storm\">") || ch1.contains("<a id=\"storm\"></a>"), "a@name became an id: " + ch1);
        assertTrue(ch1.contains("alt=\"The lighthouse in the storm\""), ch1);
        assertTrue(ch1.contains("xml:lang=\"en\"") && ch1.contains(" lang=\"en\""), ch1);
        for (String sentence : new String[] {"The keeper wrote in the log every evening.", "the storm came."}) {
            assertTrue(ch1.replaceAll("<[^>]+>", "").contains(sentence), sentence);
        }
        assertTrue(ch1.contains("<p id=\"p0002\"><span id=\"p0002s01\">"), ch1);
        // a sentence that ends inside <em> cannot be wrapped: the paragraph is one highlighted sentence
        assertTrue(ch1.contains("<p id=\"p0003\"><span id=\"p0003s01\">Some nights were <em>quiet."), ch1);
        String css = TestSupport.text(out, "OEBPS/book/style/book.css");
        assertFalse(css.contains("direction") || css.contains("unicode-bidi"), css);
        assertTrue(css.contains("text-indent"), css);
        String nav = TestSupport.text(out, "OEBPS/nav.xhtml");
        assertTrue(nav.contains("<a href=\"book/text/ch1.xhtml\">Winter</a>"), nav);
        assertTrue(nav.contains("<a href=\"book/text/ch1.xhtml#storm\">The storm</a>"), nav);
        assertTrue(nav.contains("<a href=\"book/text/ch2.xhtml\">Spring</a>"), nav);
        String ch2 = TestSupport.text(out, "OEBPS/book/text/ch2.xhtml");
        assertFalse(ch2.contains("cellpadding") || ch2.contains("border="), "obsolete attributes go: " + ch2);
    }

    @Test
    void rtlEpub3KeepsItsDirectionIdsAndNavigation() throws Exception {
        Map<String, byte[]> out = convert("letters", EpubFixtures.epub3Rtl(), "--sync", "word");
        // an EPUB 3 book is patched where it is: same package document, same paths, its own navigation
        String opf = TestSupport.text(out, "OEBPS/content.opf");
        assertTrue(opf.contains("xml:lang=\"ar\"") && opf.contains("dir=\"rtl\""), opf);
        assertTrue(opf.contains("page-progression-direction=\"rtl\""), opf);
        assertTrue(opf.contains("<dc:title>رسائل من الجبل</dc:title>"), "the title element as it was: " + opf);
        assertTrue(opf.contains("urn:uuid:7b0e8f52-1d2c-4e3a-9f4b-5c6d7e8f9a0b"), opf);
        assertFalse(opf.contains("conformsTo"), "no conformance is claimed for someone else's book: " + opf);
        String c1 = TestSupport.text(out, "OEBPS/c1.xhtml");
        assertTrue(c1.contains("dir=\"rtl\""), c1);
        assertTrue(c1.contains("<h2 id=\"road\"><span id=\"p0003\">"), "an existing id is kept: " + c1);
        assertTrue(c1.contains("<p id=\"keep\"><span id=\"p0004\">"), c1);
        assertTrue(c1.contains("<b><span id=\"p0004s01w06\">أقصر</span></b>"), "words inside markup get spans: " + c1);
        assertTrue(c1.contains("<span lang=\"en\" xml:lang=\"en\" dir=\"ltr\"><span id=\"p0006s01w04\">Welcome</span>"), c1);
        assertTrue(c1.contains("<figcaption id=\"p0005\">"), c1);
        assertArrayEquals(EpubFixtures.epub3Rtl().get("OEBPS/nav.xhtml"), out.get("OEBPS/nav.xhtml"),
                "the navigation document is kept byte for byte");
    }

    /**
     * Words in another script that the book's markup does not mark (English in an Arabic or Hebrew book) get a span
     * with their language and direction, as rawi's own documents give them, in every sync mode; the book stays valid.
     */
    @Test
    void foreignWordsTheBookDoesNotMarkGetTheirLanguage() throws Exception {
        for (String sync : List.of("paragraph", "sentence", "word")) {
            Map<String, byte[]> book = new java.util.LinkedHashMap<>(EpubFixtures.epub3Rtl());
            String c1 = new String(book.get("OEBPS/c1.xhtml"), java.nio.charset.StandardCharsets.UTF_8);
            String plain = c1.replace("<span lang=\"en\" xml:lang=\"en\" dir=\"ltr\">Welcome to the valley</span>",
                    "Welcome to the valley");
            assertFalse(plain.equals(c1));
            book.put("OEBPS/c1.xhtml", plain.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Map<String, byte[]> out = convert("plain-" + sync, book, "--sync", sync);
            String doc = TestSupport.text(out, "OEBPS/c1.xhtml");
            List<String> marked = new java.util.ArrayList<>();
            for (org.jsoup.nodes.Element span : org.jsoup.Jsoup.parse(doc, "", org.jsoup.parser.Parser.xmlParser())
                    .select("span[lang=en][xml:lang=en][dir=ltr]")) {
                marked.addAll(List.of(span.text().split(" ")));
            }
            assertEquals(List.of("Welcome", "to", "the", "valley"), marked, sync + ":\n" + doc);
        }
    }

    @Test
    void aNarratedEpub3GetsItsOverlaysInAFolderOfRawisOwn() throws Exception {
        Path in = EpubFixtures.write(dir.resolve("letters.epub"), EpubFixtures.epub3Rtl());
        TestSupport.cli("convert", in.toString(), "-o", dir.resolve("out").toString(), "--voices",
                TestSupport.fakeVoices().toString(), "--sync", "word").expect(0);
        Path epub = dir.resolve("out/letters/letters.epub");
        TestSupport.assertValid(epub);
        Map<String, byte[]> out = TestSupport.unzip(epub);
        String opf = TestSupport.text(out, "OEBPS/content.opf");
        assertTrue(opf.contains("media-overlay=\"smil-c1\""), opf);
        assertTrue(opf.contains("href=\"rawi/smil/c1.smil\""), "rawi's files go in a folder of their own: " + opf);
        assertTrue(opf.contains("<meta property=\"schema:accessMode\">auditory</meta>"), opf);
        assertFalse(opf.contains("conformsTo") || opf.contains("certifiedBy"), opf);
        assertTrue(TestSupport.text(out, "OEBPS/c1.xhtml").contains("href=\"rawi/overlay.css\""),
                "the highlight's style is linked");
        assertTrue(TestSupport.text(out, "OEBPS/rawi/overlay.css").contains(".rawi-active"));
        String smil = TestSupport.text(out, "OEBPS/rawi/smil/c1.smil");
        assertTrue(smil.contains("src=\"../../c1.xhtml#p0003s01w01\""), smil);
        assertTrue(smil.contains("src=\"../audio/p0003.mp3\""), smil);
        assertTrue(out.containsKey("OEBPS/rawi/audio/p0003.mp3"), out.keySet().toString());
        io.rawi.OverlayChecker.check(epub);
    }

    private void refused(String name, Map<String, byte[]> book, String expected) throws Exception {
        Path in = EpubFixtures.write(dir.resolve(name + ".epub"), book);
        TestSupport.Run run = TestSupport.cli("convert", in.toString(), "-o", dir.resolve("out").toString(), "--no-audio")
                .expect(2);
        assertTrue(run.err().contains(in.toString()) && run.err().contains(expected), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(Files.exists(dir.resolve("out/" + name)), "no book is written");
    }

    @Test
    void booksWithDrmAreRefused() throws Exception {
        Map<String, byte[]> adobe = new LinkedHashMap<>(EpubFixtures.epub2());
        adobe.put("META-INF/rights.xml", "<rights/>".getBytes(StandardCharsets.UTF_8));
        refused("adobe", adobe, "DRM");
        Map<String, byte[]> aes = new LinkedHashMap<>(EpubFixtures.epub2());
        aes.put("META-INF/encryption.xml", ("<encryption xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\" "
                + "xmlns:enc=\"http://www.w3.org/2001/04/xmlenc#\"><enc:EncryptedData><enc:EncryptionMethod "
                + "Algorithm=\"http://www.w3.org/2001/04/xmlenc#aes128-cbc\"/><enc:CipherData><enc:CipherReference "
                + "URI=\"OEBPS/text/ch1.xhtml\"/></enc:CipherData></enc:EncryptedData></encryption>")
                .getBytes(StandardCharsets.UTF_8));
        refused("aes", aes, "encrypted (DRM");
        Map<String, byte[]> lcp = new LinkedHashMap<>(EpubFixtures.epub3Rtl());
        lcp.put("META-INF/license.lcpl", "{}".getBytes(StandardCharsets.UTF_8));
        refused("lcp", lcp, "Readium LCP");
    }

    @Test
    void obfuscatedFontsAreNotDrm() throws Exception {
        Map<String, byte[]> book = new LinkedHashMap<>(EpubFixtures.epub2());
        book.put("META-INF/encryption.xml", ("<encryption xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\" "
                + "xmlns:enc=\"http://www.w3.org/2001/04/xmlenc#\"><enc:EncryptedData><enc:EncryptionMethod "
                + "Algorithm=\"http://www.idpf.org/2008/embedding\"/><enc:CipherData><enc:CipherReference "
                + "URI=\"OEBPS/fonts/a.otf\"/></enc:CipherData></enc:EncryptedData></encryption>")
                .getBytes(StandardCharsets.UTF_8));
        book.put("OEBPS/fonts/a.otf", new byte[] {1, 2, 3, 4});
        String opf = new String(book.get("OEBPS/content.opf"), StandardCharsets.UTF_8)
                .replace("</manifest>", "<item id=\"font\" href=\"fonts/a.otf\" media-type=\"font/otf\"/></manifest>");
        book.put("OEBPS/content.opf", opf.getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> out = convert("fonts", book);
        assertFalse(out.containsKey("OEBPS/book/fonts/a.otf"), "the obfuscated font is left out");
    }
}
