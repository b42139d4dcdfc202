package io.rawi.narration;

import io.rawi.audio.Clip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The text of an entry's index: one record a line, fields split by spaces, texts escaped as fields, and a last line
 * {@code check <CRC-32C of everything before it>}. {@link Fields} reads it without a string per line or field.
 */
final class CacheIndex {
    private CacheIndex() {
    }

    /** A text as one field of an index line: UTF-8, with %, space and line breaks escaped. */
    static String field(String text) {
        return text.replace("%", "%25").replace(" ", "%20").replace("\n", "%0A").replace("\r", "%0D");
    }

    /** A field of an index line (read a byte per char) back to its text. */
    static String unfield(String field) {
        String utf8 = new String(field.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return utf8.replace("%0D", "\r").replace("%0A", "\n").replace("%20", " ").replace("%25", "%");
    }

    static String line(String kind, Clip c) {
        return kind + " " + c.id() + " " + c.beginMs() + " " + c.endMs() + " " + c.estimated() + "\n";
    }

    /**
     * The index without its last line, {@code check <checksum of everything before it>}, if that matches; else an
     * IOException saying the index is damaged.
     */
    static String checked(String index) throws IOException {
        int last = index.lastIndexOf("check ", index.length() - 1);
        if (last < 0 || (last > 0 && index.charAt(last - 1) != '\n') || !index.endsWith("\n")) {
            throw new IOException("its index has no checksum");
        }
        String body = index.substring(0, last);
        if (!index.substring(last + "check ".length(), index.length() - 1).equals(indexCrc(body))) {
            throw new IOException("its index does not match its checksum");
        }
        return body;
    }

    /** The checksum of an index's text as read (a char per byte), as its last line gives it. */
    static String indexCrc(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        return CacheFiles.crc(bytes, bytes.length);
    }

    /**
     * The fields of an index, line by line: {@link #nextLine} moves to the next line, then {@link #text},
     * {@link #number} and {@link #clip} take its fields in turn. A line with too few fields, or a field that is not
     * what is asked, throws.
     */
    static final class Fields {
        private final String s;
        private int at;       // where the next field begins
        private int lineEnd;  // where the current line ends
        private int next;     // where the next line begins

        Fields(String s) {
            this.s = s;
        }

        boolean nextLine() {
            at = next;
            if (at >= s.length()) {
                return false;
            }
            int nl = s.indexOf('\n', at);
            lineEnd = nl < 0 ? s.length() : nl;
            next = lineEnd + 1;
            return true;
        }

        private int end() throws IOException {
            if (at > lineEnd) {
                throw new IOException("a line with too few fields");
            }
            int space = s.indexOf(' ', at);
            return space < 0 || space > lineEnd ? lineEnd : space;
        }

        String text() throws IOException {
            int end = end();
            String t = s.substring(at, end);
            at = end + 1;
            return t;
        }

        long number() throws IOException {
            int end = end();
            long n = Long.parseLong(s, at, end, 10);
            at = end + 1;
            return n;
        }

        /** The rest of an S or W line: id, begin, end, whether the positions are estimated. */
        Clip clip() throws IOException {
            String id = text();
            long begin = number();
            long endMs = number();
            return new Clip(id, begin, endMs, List.of(), Boolean.parseBoolean(text()));
        }
    }
}
