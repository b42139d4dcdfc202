package io.rawi.audio;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** An ID3v2.3 tag with text frames in UTF-16, as every player reads. */
final class Id3 {
    private Id3() {
    }

    static byte[] tag(Tags tags, String encoder) {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        text(frames, "TIT2", tags.title());
        text(frames, "TALB", tags.album());
        text(frames, "TPE1", tags.artist());
        text(frames, "TRCK", tags.track() + "/" + tags.tracks());
        text(frames, "TLAN", iso639_2(tags.language()));
        text(frames, "TCON", "Speech");
        text(frames, "TSSE", encoder);
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
        int size = 1 + 2 + text.length;
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        out.write(size >>> 24);
        out.write(size >>> 16 & 0xff);
        out.write(size >>> 8 & 0xff);
        out.write(size & 0xff);
        out.write(0);
        out.write(0);
        out.write(1);
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes(text);
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
