package io.rawi.daisy;

import io.rawi.book.Paragraph;

import java.util.List;

/** A section: one SMIL file, its heading (level 1 to 6; the title is level 1) and its blocks in order. */
record Section(String smil, int level, Paragraph heading, List<Paragraph> blocks, boolean title,
                       String label) {
}
