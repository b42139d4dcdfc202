package io.rawi.book;


import java.util.List;

/**
 * A block of text that is shown, and spoken as one audio file: a body paragraph ({@code p0001}), a chapter heading
 * ({@code h01}) or a line of the title page ({@code t01}). Its id ties together the XHTML element, the audio file and
 * the overlay.
 */
public record Paragraph(String id, Kind kind, String text, Language language, List<Sentence> sentences) {
    /** What the block is. */
    public enum Kind {
        TITLE, AUTHOR, HEADING, BODY
    }

    public Paragraph {
        sentences = List.copyOf(sentences);
    }
}
