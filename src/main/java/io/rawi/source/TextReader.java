package io.rawi.source;

import io.rawi.book.LanguageDetector;
import io.rawi.error.BadInputException;
import io.rawi.error.ProcessingException;
import io.rawi.error.RawiException;
import io.rawi.internal.IoMessages;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a plain-text article: UTF-8 with or without a byte order mark, or UTF-16 with one; any line ending.
 *
 * <p>Paragraphs are either lines or blocks separated by blank lines. Blocks are chosen when the text has blank lines
 * and at least one block spans several lines (hard-wrapped prose); otherwise every non-blank line is a paragraph.
 * A first line of at most {@value #HEADLINE_MAX_WORDS} words that ends without sentence punctuation, followed by
 * more text, is taken as the headline. Thread-safe.
 */
public final class TextReader {
    static final int HEADLINE_MAX_WORDS = 14;
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private TextReader() {
    }

    /**
     * Reads and decodes {@code path}.
     *
     * @throws BadInputException   when the file is missing, a directory, empty, binary or not valid text
     * @throws ProcessingException when it cannot be read for another reason
     */
    public static SourceText read(Path path) throws RawiException {
        return parse(path.toString(), decode(path.toString(), readBytes(path)));
    }

    /** Splits already decoded text as {@link #read(Path)} does; {@code path} only names it in messages. */
    public static SourceText parse(String path, String text) throws BadInputException {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalized.isBlank()) {
            throw new BadInputException(path + ": the file contains only white space; there is nothing to convert");
        }
        List<String> paragraphs = split(normalized);
        Optional<String> headline = Optional.empty();
        if (paragraphs.size() > 1 && looksLikeHeadline(paragraphs.get(0))) {
            headline = Optional.of(paragraphs.get(0));
            paragraphs = paragraphs.subList(1, paragraphs.size());
        }
        return SourceText.ofParagraphs(path, headline, paragraphs, LanguageDetector.detect(normalized));
    }

    /** The bytes of an input file, refusing directories, missing files and files over the size limit. */
    public static byte[] readBytes(Path path) throws RawiException {
        return readBytes(path, MAX_BYTES);
    }

    /** The bytes of an input file of at most {@code limit} bytes. */
    public static byte[] readBytes(Path path, long limit) throws RawiException {
        checkFile(path, limit);
        // read up to the limit, whatever the file claims: a device or a pipe (/dev/zero) has no size and no end
        try (java.io.InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new BadInputException(path + ": larger than " + (limit >> 20) + " MiB; split the article");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new BadInputException(path + ": no such file");
        } catch (AccessDeniedException e) {
            throw new ProcessingException(path + ": permission denied");
        } catch (IOException e) {
            throw new ProcessingException(path + ": cannot be read (" + IoMessages.reason(e) + ")", e);
        }
    }

    /** Checks that {@code path} is an existing file of at most {@code limit} bytes. */
    public static void checkFile(Path path, long limit) throws RawiException {
        if (Files.isDirectory(path)) {
            throw new BadInputException(path + ": is a directory; give a file");
        }
        if (!Files.exists(path)) {
            throw new BadInputException(path + ": no such file");
        }
        try {
            if (Files.size(path) > limit) {
                throw new BadInputException(path + ": larger than " + (limit >> 20) + " MiB; split the article");
            }
        } catch (IOException e) {
            throw new ProcessingException(path + ": cannot be read (" + IoMessages.reason(e) + ")", e);
        }
    }

    /** Decodes UTF-8 (with or without BOM) or UTF-16 (with BOM), refusing binary data and invalid sequences. */
    public static String decode(String path, byte[] bytes) throws BadInputException {
        if (bytes.length == 0) {
            throw new BadInputException(path + ": the file is empty; there is nothing to convert");
        }
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            skip = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else {
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    throw new BadInputException(path + ": looks like a binary file (NUL byte at offset " + i
                            + "), not text; give a UTF-8 or UTF-16 text file");
                }
            }
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate((int) ((bytes.length - skip) * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new BadInputException(path + ": not valid " + charset.name() + " text: invalid byte sequence at byte offset "
                    + in.position() + "; save the file as UTF-8");
        }
        out.flip();
        String text = out.toString();
        int controls = 0; // a loop, not a stream: this runs cold on every conversion
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                controls++;
            }
        }
        if (controls > Math.max(3, text.length() / 50)) {
            throw new BadInputException(path + ": looks like a binary file (" + controls
                    + " control characters), not text");
        }
        return text;
    }

    private static List<String> split(String text) {
        String[] lines = text.split("\n", -1);
        boolean blankSeparated = false;
        boolean multiLineBlock = false;
        boolean blankAfterText = false;
        int run = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                blankAfterText |= run > 0;
                run = 0;
            } else {
                blankSeparated |= blankAfterText && run == 0;
                multiLineBlock |= ++run > 1;
            }
        }
        List<String> paragraphs = new ArrayList<>();
        if (blankSeparated && multiLineBlock) {
            StringBuilder block = new StringBuilder();
            for (String line : lines) {
                if (line.isBlank()) {
                    flush(block, paragraphs);
                } else {
                    block.append(block.length() > 0 ? " " : "").append(line.strip());
                }
            }
            flush(block, paragraphs);
        } else {
            for (String line : lines) {
                if (!line.isBlank()) {
                    paragraphs.add(line.strip());
                }
            }
        }
        return paragraphs;
    }

    private static void flush(StringBuilder block, List<String> into) {
        if (block.length() > 0) {
            into.add(block.toString());
            block.setLength(0);
        }
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private static boolean looksLikeHeadline(String line) {
        String t = line.strip();
        int words = SPACES.split(t).length;
        char last = t.charAt(t.length() - 1);
        return words <= HEADLINE_MAX_WORDS && ".!?؟…:;،,\"»”'".indexOf(last) < 0;
    }
}
