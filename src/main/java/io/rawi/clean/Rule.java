package io.rawi.clean;

import java.util.List;

/**
 * A named cleaning rule. A rule sees every paragraph so that it can follow state across them (a quotation that runs
 * over paragraphs); most rules look at one paragraph at a time and extend {@link ParagraphRule}. Rules are stateless
 * and thread-safe.
 */
public interface Rule {
    /** A short stable id, as shown in reports: {@code space-before-punctuation}. */
    String id();

    /** One sentence saying what the rule does. */
    String description();

    /**
     * The edits this rule makes, one list per paragraph, each list in ascending order of offset and without overlaps.
     */
    List<List<Edit>> edits(List<String> paragraphs, CleanOptions options);
}
