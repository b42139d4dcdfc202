package io.rawi.source;

import io.rawi.error.BadInputException;
import io.rawi.error.ProcessingException;
import io.rawi.error.RawiException;
import io.rawi.internal.IoMessages;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads any input: a file, {@code -} for standard input, or an {@code http(s)} URL; as plain text, Markdown or HTML,
 * chosen by {@link Format} (from the file name, the server's Content-Type, or the first bytes). EPUB inputs are read
 * by {@link EpubReader} instead.
 */
public final class Inputs {
    /** How an input is read. */
    public enum Format {
        AUTO, TEXT, MARKDOWN, HTML, EPUB
    }

    private final Fetcher fetcher;
    private final InputStream stdin;

    public Inputs(Fetcher fetcher, InputStream stdin) {
        this.fetcher = fetcher;
        this.stdin = stdin;
    }

    /** The format of {@code location}, from its name alone; {@link Format#AUTO} when the name does not tell. */
    public static Format byName(String location) {
        String l = location.toLowerCase(Locale.ROOT).split("[?#]", 2)[0];
        if (l.endsWith(".epub")) {
            return Format.EPUB;
        }
        if (l.endsWith(".md") || l.endsWith(".markdown") || l.endsWith(".mdown")) {
            return Format.MARKDOWN;
        }
        if (l.endsWith(".html") || l.endsWith(".htm") || l.endsWith(".xhtml") || l.endsWith(".shtml")) {
            return Format.HTML;
        }
        if (l.endsWith(".txt") || l.endsWith(".text")) {
            return Format.TEXT;
        }
        return Format.AUTO;
    }

    /** An input's raw bytes and what is known of its type. */
    public record Raw(String location, byte[] bytes, Format format, Optional<String> charset, Optional<Path> folder,
                      Optional<URI> url, Optional<Path> file) {
        Raw(String location, byte[] bytes, Format format, Optional<String> charset, Optional<Path> folder,
            Optional<URI> url) {
            this(location, bytes, format, charset, folder, url, Optional.empty());
        }

        /** An EPUB's entries, read defensively with {@link SafeZip}. */
        public java.util.Map<String, byte[]> zipEntries() throws RawiException {
            return file.isPresent() ? SafeZip.read(location, file.get()) : SafeZip.read(location, bytes);
        }
    }

    /** Reads the bytes of {@code location}, deciding its format unless {@code format} says it. */
    public Raw raw(String location, Format format) throws RawiException {
        if (location.equals("-")) {
            byte[] bytes;
            try {
                bytes = stdin.readNBytes((int) HtmlReader.MAX_BYTES + 1);
            } catch (IOException e) {
                throw new ProcessingException("standard input: cannot be read (" + IoMessages.reason(e) + ")", e);
            }
            if (bytes.length > HtmlReader.MAX_BYTES) {
                throw new BadInputException("standard input: more than " + (HtmlReader.MAX_BYTES >> 20) + " MiB");
            }
            sniff("standard input", bytes);
            return new Raw("standard input", bytes, decide(format, Format.AUTO, bytes), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
        if (Fetcher.isUrl(location)) {
            Fetcher.Response r = fetcher.fetch(location, HtmlReader.MAX_BYTES);
            sniff(location, r.body());
            Format byType = r.contentType().map(Inputs::byContentType).orElse(Format.AUTO);
            if (byType == Format.AUTO) {
                byType = byName(r.uri().getPath() == null ? "" : r.uri().getPath());
            }
            return new Raw(location, r.body(), decide(format, byType, r.body()), r.charset(), Optional.empty(),
                    Optional.of(r.uri()));
        }
        Path path = Path.of(location);
        Format byName = byName(location);
        Path folder = path.toAbsolutePath().getParent();
        if (format == Format.EPUB || format == Format.AUTO && byName == Format.EPUB) {
            TextReader.checkFile(path, SafeZip.MAX_ARCHIVE_BYTES);
            return new Raw(location, new byte[0], Format.EPUB, Optional.empty(), Optional.ofNullable(folder),
                    Optional.empty(), Optional.of(path));
        }
        byte[] bytes = TextReader.readBytes(path, HtmlReader.MAX_BYTES);
        sniff(location, bytes);
        return new Raw(location, bytes, decide(format, byName, bytes), Optional.empty(), Optional.ofNullable(folder),
                Optional.empty());
    }

    /** Reads a text, Markdown or HTML input. */
    public SourceDocument read(Raw raw) throws RawiException {
        return switch (raw.format()) {
            case HTML -> HtmlReader.read(raw.location(), raw.bytes(), raw.charset(), raw.folder(), raw.url(), fetcher);
            case MARKDOWN -> MarkdownReader.read(raw.location(), decode(raw), raw.folder(), raw.url(), fetcher);
            case TEXT, AUTO -> SourceDocument.of(TextReader.parse(raw.location(), decode(raw)));
            case EPUB -> throw new IllegalArgumentException("EPUB inputs are read by EpubReader");
        };
    }

    private static String decode(Raw raw) throws BadInputException {
        if (raw.charset().isPresent() && !raw.charset().get().equalsIgnoreCase("utf-8")) {
            try {
                return new String(raw.bytes(), Charset.forName(raw.charset().get()));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(raw.location() + ": unknown charset '" + raw.charset().get() + "'");
            }
        }
        return TextReader.decode(raw.location(), raw.bytes());
    }

    /**
     * Refuses what is not text before any parser sees it (a parser given megabytes of binary builds a huge text and
     * runs out of memory): compressed data, documents and images by their first bytes, and anything with NUL or other
     * control bytes in its first 64 KiB (UTF-16 with a byte order mark excepted). An EPUB (a zip) passes.
     */
    static void sniff(String location, byte[] bytes) throws BadInputException {
        String name = IoMessages.name(location);
        if (starts(bytes, 0x1f, 0x8b)) {
            throw new BadInputException(name + ": gzip-compressed data, not a page (a server sent it without saying "
                    + "so); decompress it first (gunzip)");
        }
        if (starts(bytes, 'B', 'Z', 'h') || starts(bytes, 0xfd, '7', 'z', 'X', 'Z') || starts(bytes, 0x28, 0xb5, 0x2f, 0xfd)) {
            throw new BadInputException(name + ": compressed data (bzip2, xz or zstd), not a page; decompress it first");
        }
        if (starts(bytes, '%', 'P', 'D', 'F')) {
            throw new BadInputException(name + ": a PDF; rawi reads text, Markdown, HTML and EPUB");
        }
        if (starts(bytes, 0x89, 'P', 'N', 'G') || starts(bytes, 0xff, 0xd8, 0xff) || starts(bytes, 'G', 'I', 'F', '8')) {
            throw new BadInputException(name + ": an image, not a text; rawi reads text, Markdown, HTML and EPUB");
        }
        if (starts(bytes, 'P', 'K', 3, 4) || starts(bytes, 0xfe, 0xff) || starts(bytes, 0xff, 0xfe)) {
            return;
        }
        int n = Math.min(bytes.length, 1 << 16);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                throw new BadInputException(name + ": binary data (NUL bytes), not a text or a page");
            }
            if (b < 0x09 || b > 0x0d && b < 0x20 && b != 0x1b || b == 0x7f) {
                control++;
            }
        }
        if (control > 8 && control * 100 > n) {
            throw new BadInputException(name + ": binary data (" + control + " control bytes in the first " + n
                    + "), not a text or a page");
        }
    }

    private static boolean starts(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static Format byContentType(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.startsWith("text/html") || t.startsWith("application/xhtml")) {
            return Format.HTML;
        }
        if (t.startsWith("application/epub")) {
            return Format.EPUB;
        }
        if (t.startsWith("text/markdown") || t.startsWith("text/x-markdown")) {
            return Format.MARKDOWN;
        }
        if (t.startsWith("text/plain")) {
            return Format.TEXT;
        }
        return Format.AUTO;
    }

    private static Format decide(Format asked, Format known, byte[] bytes) {
        if (asked != Format.AUTO) {
            return asked;
        }
        if (known != Format.AUTO) {
            return known;
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            return Format.EPUB;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.UTF_8).stripLeading()
                .replace("\uFEFF", "").toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml")
                && head.contains("<html") || head.startsWith("<") && head.matches("(?s).*<(p|div|article|body|h1)[\\s>].*")) {
            return Format.HTML;
        }
        return Format.TEXT;
    }
}
