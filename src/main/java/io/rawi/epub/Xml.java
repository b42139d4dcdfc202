package io.rawi.epub;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A thin layer over the JDK's {@link XMLStreamWriter} that indents block elements, so that the documents rawi writes
 * are readable and diffable. Escaping is the JDK writer's. Not thread-safe; one per document.
 *
 * <pre>{@code
 * Xml x = Xml.document(null);
 * x.start("package", "version", "3.0").leaf("dc:title", "…").end();
 * byte[] bytes = x.finish();
 * }</pre>
 */
public final class Xml {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final XMLStreamWriter w;
    private int depth;
    private boolean inline;

    private Xml(String doctype) {
        try {
            // the JDK's own writer, as newFactory() finds it here, without a look through the class path per document
            w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(buffer, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            if (doctype != null) {
                w.writeCharacters("\n");
                w.writeDTD(doctype);
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new document, with {@code doctype} (e.g. {@code <!DOCTYPE html>}) or none. */
    public static Xml document(String doctype) {
        return new Xml(doctype);
    }

    /** Opens a block element on a new line; attributes are name, value pairs, skipped when the value is null. */
    public Xml start(String name, String... attributes) {
        newline();
        open(name, attributes);
        depth++;
        return this;
    }

    /** Opens an element inside running text: no line break before it, nor inside it. */
    public Xml startInline(String name, String... attributes) {
        open(name, attributes);
        inline = true;
        return this;
    }

    /** Closes an element opened by {@link #startInline}. */
    public Xml endInline() {
        call(w::writeEndElement);
        return this;
    }

    /** Declares a namespace on the element just opened. */
    public Xml namespace(String prefix, String uri) {
        call(() -> {
            if (prefix == null) {
                w.writeDefaultNamespace(uri);
            } else {
                w.writeNamespace(prefix, uri);
            }
        });
        return this;
    }

    /** Closes the block element opened last. */
    public Xml end() {
        depth--;
        if (!inline) {
            newline();
        }
        inline = false;
        call(w::writeEndElement);
        return this;
    }

    /** A block element holding only text. */
    public Xml leaf(String name, String text, String... attributes) {
        newline();
        open(name, attributes);
        call(() -> w.writeCharacters(text));
        call(w::writeEndElement);
        return this;
    }

    /** An empty element on its own line. */
    public Xml empty(String name, String... attributes) {
        newline();
        call(() -> {
            w.writeEmptyElement(name);
            attributes(attributes);
        });
        return this;
    }

    /** An empty element inside running text. */
    public Xml emptyInline(String name, String... attributes) {
        call(() -> {
            w.writeEmptyElement(name);
            attributes(attributes);
        });
        return this;
    }

    /** Text, escaped. */
    public Xml text(String text) {
        inline = true;
        call(() -> w.writeCharacters(text));
        return this;
    }

    /** Ends the document and returns its UTF-8 bytes, with a final newline. */
    public byte[] finish() {
        call(() -> {
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        });
        return buffer.toByteArray();
    }

    /** {@link #finish()} as a string. */
    public String finishString() {
        return new String(finish(), StandardCharsets.UTF_8);
    }

    private void open(String name, String[] attributes) {
        call(() -> {
            w.writeStartElement(name);
            attributes(attributes);
        });
    }

    private void attributes(String[] attributes) throws XMLStreamException {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                w.writeAttribute(attributes[i], attributes[i + 1]);
            }
        }
    }

    private void newline() {
        call(() -> w.writeCharacters("\n" + "  ".repeat(Math.max(0, depth))));
        inline = false;
    }

    private interface XmlCall {
        void run() throws XMLStreamException;
    }

    private static void call(XmlCall call) {
        try {
            call.run();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
