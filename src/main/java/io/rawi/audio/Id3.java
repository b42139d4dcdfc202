package io.rawi.audio;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** An ID3v2.3 tag with text frames in UTF-16, as every player reads. */
final class Id3 {
    private Id3() {
    }

    static byte[] tag(Tags tags, String encoder) {
        return tag(tags, encoder, new byte[0]);
    }

    /** A tag with the text frames and {@code extra} frames (chapters, a picture) after them. */
    static byte[] tag(Tags tags, String encoder, byte[] extra) {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        text(frames, "TIT2", tags.title());
        text(frames, "TALB", tags.album());
        text(frames, "TPE1", tags.artist());
        if (tags.track() > 0) {
            text(frames, "TRCK", tags.track() + "/" + tags.tracks());
        }
        text(frames, "TLAN", iso639_2(tags.language()));
        text(frames, "TCON", "Speech");
        text(frames, "TSSE", encoder);
        frames.writeBytes(extra);
        byte[] body = frames.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'I', 'D', '3', 3, 0, 0});
        int size = body.length;
        out.write((size >> 21) & 0x7f);
        out.write((size >> 14) & 0x7f);
        out.write((size >> 7) & 0x7f);
        out.write(size & 0x7f);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static void text(ByteArrayOutputStream out, String id, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        byte[] text = value.getBytes(StandardCharsets.UTF_16LE);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(1);
        body.write(0xFF);
        body.write(0xFE);
        body.writeBytes(text);
        frame(out, id, body.toByteArray());
    }

    /** A frame: four-letter id, 32-bit size (ID3v2.3 does not make it sync-safe), no flags, body. */
    static void frame(ByteArrayOutputStream out, String id, byte[] body) {
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        int size = body.length;
        out.write(size >>> 24);
        out.write(size >>> 16 & 0xff);
        out.write(size >>> 8 & 0xff);
        out.write(size & 0xff);
        out.write(0);
        out.write(0);
        out.writeBytes(body);
    }

    /** A CHAP frame (ID3v2 Chapter Frame Addendum) for {@code [startMs, endMs)} with its title as a TIT2 sub-frame. */
    static void chapter(ByteArrayOutputStream out, String elementId, long startMs, long endMs, String title) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(elementId.getBytes(StandardCharsets.ISO_8859_1));
        body.write(0);
        int32(body, startMs);
        int32(body, endMs);
        int32(body, 0xFFFFFFFFL);
        int32(body, 0xFFFFFFFFL);
        text(body, "TIT2", title);
        frame(out, "CHAP", body.toByteArray());
    }

    /** The top-level, ordered table of contents (CTOC) listing the chapters. */
    static void tableOfContents(ByteArrayOutputStream out, java.util.List<String> elementIds, String title) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("toc".getBytes(StandardCharsets.ISO_8859_1));
        body.write(0);
        body.write(0x03);
        body.write(elementIds.size());
        for (String id : elementIds) {
            body.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
            body.write(0);
        }
        text(body, "TIT2", title);
        frame(out, "CTOC", body.toByteArray());
    }

    /** The front cover (APIC, picture type 3). */
    static void picture(ByteArrayOutputStream out, String mediaType, byte[] image) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0);
        body.writeBytes(mediaType.getBytes(StandardCharsets.ISO_8859_1));
        body.write(0);
        body.write(3);
        body.write(0);
        body.writeBytes(image);
        frame(out, "APIC", body.toByteArray());
    }

    private static void int32(ByteArrayOutputStream out, long v) {
        out.write((int) (v >>> 24) & 0xff);
        out.write((int) (v >>> 16) & 0xff);
        out.write((int) (v >>> 8) & 0xff);
        out.write((int) v & 0xff);
    }

    /** The three-letter code ID3's TLAN wants ({@code ara} for {@code ar}). */
    static String iso639_2(String bcp47) {
        try {
            return Locale.forLanguageTag(bcp47).getISO3Language();
        } catch (java.util.MissingResourceException e) {
            return "und";
        }
    }
}
