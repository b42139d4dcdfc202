package io.rawi.narration;

import io.rawi.audio.AudioProcessor;
import io.rawi.book.Paragraph;
import io.rawi.speech.VoiceDefinition;

/** The silence after each block: what makes a chapter, a heading and a paragraph break sound different. */
final class Breaks {
    private Breaks() {
    }

    /**
     * The silence after block {@code p}, so that the pause before {@code next} (this lead-out and its lead-in) is the
     * voice's pause for the break between them: chapter (a chapter heading follows, or the title page ends), heading
     * (after a heading, or before a section's), or paragraph.
     */
    static int leadOut(Paragraph p, Paragraph next, VoiceDefinition.Pauses pauses) {
        boolean titlePage = p.kind() == Paragraph.Kind.TITLE || p.kind() == Paragraph.Kind.AUTHOR;
        int pause;
        if (next == null) {
            pause = pauses.paragraphMs();
        } else if (next.id().startsWith("h") && next.kind() == Paragraph.Kind.HEADING
                || titlePage && next.kind() != Paragraph.Kind.TITLE && next.kind() != Paragraph.Kind.AUTHOR) {
            pause = pauses.chapterMs();
        } else if (p.kind() == Paragraph.Kind.HEADING || next.kind() == Paragraph.Kind.HEADING) {
            pause = pauses.headingMs();
        } else {
            pause = pauses.paragraphMs();
        }
        return Math.max(50, pause - AudioProcessor.LEAD_IN_MS);
    }
}
