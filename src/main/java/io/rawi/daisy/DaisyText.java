package io.rawi.daisy;

import io.rawi.book.Image;
import io.rawi.book.Metadata;
import io.rawi.book.Paragraph;
import io.rawi.book.Sentence;
import io.rawi.epub.Xml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * What both DAISY versions write alike: sentences in their elements, metas, clock values, the date, file names,
 * files.
 */
final class DaisyText {
    private DaisyText() {
    }

    /** The text of {@code p}, each sentence in an {@code element} with {@code attributes}, the text between as is. */
    static void sentences(Xml x, Paragraph p, String element,
                          java.util.function.Function<Sentence, String[]> attributes) {
        String text = p.text();
        int cursor = 0;
        for (Sentence s : p.sentences()) {
            if (s.start() > cursor) {
                x.text(text.substring(cursor, s.start()));
            }
            x.startInline(element, attributes.apply(s)).text(text.substring(s.start(), s.end())).endInline();
            cursor = s.end();
        }
        if (cursor < text.length()) {
            x.text(text.substring(cursor));
        }
    }

    static String imageName(Image image) {
        return image.name().replace('/', '-');
    }

    /** A file of the narration, linked where the file system allows (no second copy of the audio), else copied. */
    static void place(Path from, Path to) throws IOException {
        Files.deleteIfExists(to);
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The book's date as W3CDTF wants it: the publication date when it is one, else the day the book was made. */
    static String date(Metadata m) {
        java.util.regex.Pattern w3cdtf = java.util.regex.Pattern.compile("^\\d{4}(-\\d{2}(-\\d{2})?)?");
        return m.published().map(d -> w3cdtf.matcher(d.strip())).filter(java.util.regex.Matcher::find)
                .map(java.util.regex.Matcher::group).orElse(m.modified().toString().substring(0, 10));
    }

    /** A SMIL full clock value, {@code h:mm:ss.mmm}. */
    static String clock(long ms) {
        return String.format(Locale.ROOT, "%d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                ms % 1000);
    }

    /** A SMIL timecount in seconds, {@code 12.345s}. */
    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%d.%03ds", ms / 1000, ms % 1000);
    }

    /** A {@code meta} element with a name and content, as both versions' heads hold them. */
    static void meta(Xml x, String name, String content) {
        x.empty("meta", "name", name, "content", content);
    }
}
