package io.rawi.speech;

import io.rawi.error.BadInputException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A W3C Pronunciation Lexicon (PLS 1.0) reduced to what every backend can use: each {@code <grapheme>} is replaced by
 * its {@code <alias>} in the text given to the engine (for Arabic, typically the same word with its vowels written).
 * Matching is by whole word. Immutable and thread-safe.
 */
public final class Lexicon {
    private static final String PLS = "http://www.w3.org/2005/01/pronunciation-lexicon";
    private final Map<String, String> aliases;

    private Lexicon(Map<String, String> aliases) {
        this.aliases = Map.copyOf(aliases);
    }

    /** Reads a PLS file; DTDs and external entities are refused. */
    public static Lexicon read(Path file) throws BadInputException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Document doc = b.parse(file.toFile());
            Element root = doc.getDocumentElement();
            if (!"lexicon".equals(root.getLocalName()) || !PLS.equals(root.getNamespaceURI())) {
                throw new BadInputException(file + ": not a PLS lexicon (expected <lexicon xmlns=\"" + PLS + "\">)");
            }
            Map<String, String> aliases = new LinkedHashMap<>();
            NodeList lexemes = root.getElementsByTagNameNS(PLS, "lexeme");
            for (int i = 0; i < lexemes.getLength(); i++) {
                Element lexeme = (Element) lexemes.item(i);
                NodeList alias = lexeme.getElementsByTagNameNS(PLS, "alias");
                if (alias.getLength() == 0) {
                    continue;
                }
                String replacement = alias.item(0).getTextContent().strip();
                NodeList graphemes = lexeme.getElementsByTagNameNS(PLS, "grapheme");
                for (int g = 0; g < graphemes.getLength(); g++) {
                    aliases.put(graphemes.item(g).getTextContent().strip(), replacement);
                }
            }
            return new Lexicon(aliases);
        } catch (SAXException e) {
            throw new BadInputException(file + ": not well-formed XML (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot be read (" + e.getMessage() + ")");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The alias for a whole word, or the word itself. */
    public String apply(String word) {
        return aliases.getOrDefault(word, word);
    }
}
