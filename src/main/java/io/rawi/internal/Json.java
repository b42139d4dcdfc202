package io.rawi.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON writer for rawi's reports ({@code cleaning.json}, {@code timings.json}): maps, lists, strings,
 * numbers, booleans and null, pretty-printed with two spaces. Map order is kept, so output is reproducible. It writes
 * to any {@link Appendable}: a file's writer takes a large report as it is made, never whole in memory (a list may
 * make its elements as they are asked for).
 */
public final class Json {
    private static final String[] INDENTS = new String[16];

    private Json() {
    }

    /**
     * An object written like a map of its keys and values in this order, held in one array: for the many small
     * objects of a large report.
     */
    public record Fields(Object... keysAndValues) {
        public Fields {
            if (keysAndValues.length == 0 || keysAndValues.length % 2 != 0) {
                throw new IllegalArgumentException("keys and values in pairs, at least one");
            }
        }
    }

    /** Serialises {@code value}; maps must have string keys. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        try {
            write(value, out, 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringBuilder does not throw
        }
        return out.append('\n').toString();
    }

    /**
     * Serialises {@code value} to {@code out}, followed by a new line, in chunks: neither the whole report nor a
     * string per value is made on the way.
     */
    public static void write(Object value, java.io.Writer out) throws IOException {
        Chunks chunks = new Chunks(out);
        write(value, chunks, 0);
        chunks.append('\n').flush();
    }

    /** Text on its way to a writer: gathered, then handed over a chunk at a time through one array. */
    private static final class Chunks implements Appendable {
        private static final int SIZE = 1 << 13;
        private final java.io.Writer out;
        private final StringBuilder pending = new StringBuilder(2 * SIZE);
        private final char[] chunk = new char[SIZE];

        Chunks(java.io.Writer out) {
            this.out = out;
        }

        @Override
        public Chunks append(CharSequence csq) throws IOException {
            pending.append(csq);
            return full();
        }

        @Override
        public Chunks append(CharSequence csq, int start, int end) throws IOException {
            pending.append(csq, start, end);
            return full();
        }

        @Override
        public Chunks append(char c) throws IOException {
            pending.append(c);
            return full();
        }

        private Chunks full() throws IOException {
            return pending.length() >= SIZE ? flush() : this;
        }

        Chunks flush() throws IOException {
            for (int at = 0; at < pending.length(); at += SIZE) {
                int end = Math.min(pending.length(), at + SIZE);
                pending.getChars(at, end, chunk, 0);
                out.write(chunk, 0, end - at);
            }
            pending.setLength(0);
            return this;
        }
    }

    private static String indent(int level) {
        if (level >= INDENTS.length) {
            return "  ".repeat(level);
        }
        String s = INDENTS[level];
        if (s == null) {
            INDENTS[level] = s = "  ".repeat(level); // the same string, whichever thread makes it first
        }
        return s;
    }

    private static void write(Object value, Appendable out, int indent) throws IOException {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value.toString());
        } else if (value instanceof Fields fields) {
            Object[] kv = fields.keysAndValues();
            out.append("{\n");
            for (int i = 0; i < kv.length; i += 2) {
                out.append(indent(indent + 1));
                string((String) kv[i], out);
                out.append(": ");
                write(kv[i + 1], out, indent + 1);
                out.append(i + 2 < kv.length ? ",\n" : "\n");
            }
            out.append(indent(indent)).append('}');
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(indent(indent + 1));
                string((String) e.getKey(), out);
                out.append(": ");
                write(e.getValue(), out, indent + 1);
                out.append(++i < map.size() ? ",\n" : "\n");
            }
            out.append(indent(indent)).append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                out.append(indent(indent + 1));
                write(list.get(i), out, indent + 1);
                out.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            out.append(indent(indent)).append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    /** Writes {@code s} quoted, escaped where JSON asks; the runs between escapes go out whole. */
    private static void string(String s, Appendable out) throws IOException {
        out.append('"');
        int run = 0; // where the characters not yet written begin
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escape = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> c < 0x20 || c == 0x2028 || c == 0x2029 ? String.format("\\u%04x", (int) c) : null;
            };
            if (escape != null) {
                out.append(s, run, i).append(escape);
                run = i + 1;
            }
        }
        out.append(s, run, s.length()).append('"');
    }
}
