package io.rawi.clean;

import java.util.List;

/**
 * What the cleaner returns: the paragraph ids and cleaned paragraphs (same count and order as given), every change it made, and what it
 * noticed but left alone.
 */
public record CleanResult(List<String> ids, List<String> paragraphs, List<Change> changes, List<Finding> findings) {
    public CleanResult {
        ids = List.copyOf(ids);
        paragraphs = List.copyOf(paragraphs);
        changes = List.copyOf(changes);
        findings = List.copyOf(findings);
    }
}
