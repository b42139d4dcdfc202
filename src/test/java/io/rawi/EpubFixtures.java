package io.rawi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds small EPUB inputs for the tests: well-formed books, and malicious ones. */
public final class EpubFixtures {
    static final String CONTAINER = "<?xml version=\"1.0\"?>\n<container version=\"1.0\" "
            + "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile full-path=\"OEBPS/content.opf\" "
            + "media-type=\"application/oebps-package+xml\"/></rootfiles></container>";

    private EpubFixtures() {
    }

    /** Writes an EPUB: mimetype first and stored, then the entries in order. */
    public static Path write(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mimetype = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
            ZipEntry m = new ZipEntry("mimetype");
            m.setMethod(ZipEntry.STORED);
            m.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            m.setCrc(crc.getValue());
            zip.putNextEntry(m);
            zip.write(mimetype);
            zip.closeEntry();
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] png() throws IOException {
        return Files.readAllBytes(Path.of("src/test/resources/inputs/img/library.png"));
    }

    /** An English EPUB 2 book: NCX, XHTML 1.1 with its DOCTYPE, obsolete markup, a script, a cover. */
    public static Map<String, byte[]> epub2() throws IOException {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("META-INF/container.xml", utf8(CONTAINER));
        e.put("OEBPS/content.opf", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="BookId">
                  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
                    <dc:title>The Lighthouse Log</dc:title>
                    <dc:creator opf:role="aut">Ada Fenwick</dc:creator>
                    <dc:language>en</dc:language>
                    <dc:identifier id="BookId" opf:scheme="UUID">3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f</dc:identifier>
                    <dc:publisher>Harbour Press</dc:publisher>
                    <dc:date>2019-06-01</dc:date>
                    <meta name="cover" content="cover"/>
                  </metadata>
                  <manifest>
                    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
                    <item id="css" href="style/book.css" media-type="text/css"/>
                    <item id="cover" href="images/cover.png" media-type="image/png"/>
                    <item id="ch1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/>
                    <item id="ch2" href="text/ch2.xhtml" media-type="application/xhtml+xml"/>
                    <item id="js" href="script/app.js" media-type="text/javascript"/>
                  </manifest>
                  <spine toc="ncx">
                    <itemref idref="ch1"/>
                    <itemref idref="ch2"/>
                  </spine>
                </package>
                """));
        e.put("OEBPS/toc.ncx", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE ncx PUBLIC "-//NISO//DTD ncx 2005-1//EN" "http://www.daisy.org/z3986/2005/ncx-2005-1.dtd">
                <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
                  <head><meta name="dtb:uid" content="3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"/></head>
                  <docTitle><text>The Lighthouse Log</text></docTitle>
                  <navMap>
                    <navPoint id="n1" playOrder="1"><navLabel><text>Winter</text></navLabel><content src="text/ch1.xhtml"/>
                      <navPoint id="n2" playOrder="2"><navLabel><text>The storm</text></navLabel><content src="text/ch1.xhtml#storm"/></navPoint>
                    </navPoint>
                    <navPoint id="n3" playOrder="3"><navLabel><text>Spring</text></navLabel><content src="text/ch2.xhtml"/></navPoint>
                  </navMap>
                </ncx>
                """));
        e.put("OEBPS/style/book.css", utf8("body { direction: ltr; margin: 1em; }\np { text-indent: 1em; unicode-bidi: embed }\n"));
        e.put("OEBPS/images/cover.png", png());
        e.put("OEBPS/script/app.js", utf8("alert('hi');"));
        String doctype = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.1//EN\" "
                + "\"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd\">\n";
        e.put("OEBPS/text/ch1.xhtml", utf8(doctype + """
                <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en">
                <head><title>Winter</title><link rel="stylesheet" type="text/css" href="../style/book.css"/>
                <script type="text/javascript" src="../script/app.js"></script></head>
                <body onload="start()">
                <h1 align="center">Winter</h1>
                <p>The keeper wrote in the log every evening. He noted the wind, the sea and the ships that passed.</p>
                <p>Some nights were <em>quiet. The lamp turned</em> and nothing moved on the water.</p>
                <h2><a name="storm"></a>The storm</h2>
                <p>On the third of January the storm came. Waves broke over the rocks, and the glass of the lamp room shook.</p>
                <center><img src="../images/cover.png" alt="The lighthouse in the storm"/></center>
                <p><a href="javascript:void(0)">Click</a> to <b>continue</b> reading.</p>
                </body></html>
                """));
        e.put("OEBPS/text/ch2.xhtml", utf8(doctype + """
                <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en">
                <head><title>Spring</title><link rel="stylesheet" type="text/css" href="../style/book.css"/></head>
                <body>
                <h1>Spring</h1>
                <p>In April the birds came back. The keeper counted <span class="num">forty</span> terns on the north rock.</p>
                <table border="1" cellpadding="2"><tr><td>Terns</td><td>40</td></tr><tr><td>Gulls</td><td>12</td></tr></table>
                </body></html>
                """));
        return e;
    }

    /** An Arabic EPUB 3 book: right-to-left, a navigation document and no NCX, ids already on some blocks. */
    public static Map<String, byte[]> epub3Rtl() throws IOException {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("META-INF/container.xml", utf8(CONTAINER));
        e.put("OEBPS/content.opf", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="ar" dir="rtl">
                  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                    <dc:identifier id="uid">urn:uuid:7b0e8f52-1d2c-4e3a-9f4b-5c6d7e8f9a0b</dc:identifier>
                    <dc:title>رسائل من الجبل</dc:title>
                    <dc:creator>نور الهدى سالم</dc:creator>
                    <dc:language>ar</dc:language>
                    <meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>
                  </metadata>
                  <manifest>
                    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
                    <item id="img" href="img/village.png" media-type="image/png"/>
                    <item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/>
                    <item id="c2" href="c2.xhtml" media-type="application/xhtml+xml"/>
                    <item id="c3" href="c3.xhtml" media-type="application/xhtml+xml"/>
                  </manifest>
                  <spine page-progression-direction="rtl">
                    <itemref idref="c1"/>
                    <itemref idref="c2"/>
                    <itemref idref="c3"/>
                  </spine>
                </package>
                """));
        e.put("OEBPS/nav.xhtml", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="ar" xml:lang="ar" dir="rtl">
                <head><title>المحتويات</title></head>
                <body><nav epub:type="toc"><h1>المحتويات</h1><ol>
                <li><a href="c1.xhtml">الرسالة الأولى</a><ol><li><a href="c1.xhtml#road">الطريق</a></li></ol></li>
                <li><a href="c2.xhtml">الرسالة الثانية</a></li>
                </ol></nav></body></html>
                """));
        e.put("OEBPS/img/village.png", png());
        e.put("OEBPS/c1.xhtml", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="ar" xml:lang="ar" dir="rtl">
                <head><title>الرسالة الأولى</title></head>
                <body>
                <section epub:type="chapter" role="doc-chapter" aria-labelledby="t1">
                <h1 id="t1">الرسالة الأولى</h1>
                <p>وصلنا إلى القرية مع غروب الشمس. كانت البيوت الحجرية تلمع تحت الضوء الأخير.</p>
                <h2 id="road">الطريق</h2>
                <p id="keep">قال الدليل إن الطريق كان <b>أقصر</b> في الماضي. ثم ضحك وقال: هذا ما يقوله الجميع.</p>
                <figure><img src="img/village.png" alt="بيوت القرية الحجرية عند الغروب"/><figcaption>القرية عند الغروب.</figcaption></figure>
                <p>قرأنا لافتة بالإنجليزية: <span lang="en" xml:lang="en" dir="ltr">Welcome to the valley</span> ثم تابعنا السير.</p>
                </section>
                </body></html>
                """));
        e.put("OEBPS/c2.xhtml", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="ar" xml:lang="ar" dir="rtl">
                <head><title>الرسالة الثانية</title></head>
                <body>
                <section epub:type="chapter" role="doc-chapter" aria-labelledby="t2">
                <h1 id="t2">الرسالة الثانية</h1>
                <ul><li>الخبز الساخن في الصباح.</li><li>الماء البارد من النبع.</li></ul>
                <p>سنعود في الصيف إن شاء الله.</p>
                </section>
                </body></html>
                """));
        e.put("OEBPS/c3.xhtml", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE html>
                <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en" dir="ltr">
                <head><title>A letter in English</title></head>
                <body>
                <section epub:type="chapter" role="doc-chapter" aria-labelledby="t3">
                <h1 id="t3">A letter in English</h1>
                <p>Our friend from the valley wrote back in English. She hopes to visit in the autumn.</p>
                </section>
                </body></html>
                """));
        return e;
    }

    /** Whether the EPUB at {@code epub} has an EPUB 3 package document. */
    public static boolean isEpub3(Path epub) throws IOException {
        for (Map.Entry<String, byte[]> e : TestSupport.unzip(epub).entrySet()) {
            if (e.getKey().endsWith(".opf")) {
                return new String(e.getValue(), java.nio.charset.StandardCharsets.UTF_8).matches("(?s).*version=\"3.*");
            }
        }
        return false;
    }
}
