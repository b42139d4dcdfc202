package io.rawi.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the cleaning rules over a document's paragraphs and records every change.
 *
 * <p>The cleaner changes nothing that no rule reports: replaying the recorded changes, rule by rule, on the input
 * gives the output exactly (the tests prove it). Thread-safe; rules hold no state.
 *
 * <pre>{@code
 * CleanResult r = new Cleaner(Rules.standard()).clean(List.of("p0001"), List.of("قال : \"نعم\""), options);
 * r.paragraphs().get(0);   // قال: «نعم»
 * }</pre>
 */
public final class Cleaner {
    private static final int CONTEXT = 24;
    private final List<Rule> rules;

    public Cleaner(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules, in the order they run. */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * Cleans {@code texts}, whose ids ({@code p0001}…) are used in the report.
     *
     * @param ids   one id per text, same order
     * @param texts the paragraphs
     */
    public CleanResult clean(List<String> ids, List<String> texts, CleanOptions options) {
        if (ids.size() != texts.size()) {
            throw new IllegalArgumentException(ids.size() + " ids for " + texts.size() + " paragraphs");
        }
        List<String> current = new ArrayList<>(texts);
        List<Change> changes = new ArrayList<>();
        for (Rule rule : rules) {
            List<List<Edit>> edits = rule.edits(current, options);
            for (int i = 0; i < current.size(); i++) {
                List<Edit> list = edits.get(i);
                if (!list.isEmpty()) {
                    current.set(i, apply(rule.id(), ids.get(i), current.get(i), list, changes));
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Change c : changes) {
            if (c.note() != null) {
                // a repair rests on a guess (where a quotation ends): a person should check it
                findings.add(new Finding(c.rule(), c.paragraph(), c.offset(), c.context(), c.note()));
            }
        }
        for (int i = 0; i < current.size(); i++) {
            Rules.repeatedWords(current.get(i), ids.get(i), findings);
        }
        return new CleanResult(ids, current, changes, findings);
    }

    private static String apply(String rule, String id, String text, List<Edit> edits, List<Change> log) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        int[] newOffsets = new int[edits.size()];
        int cursor = 0;
        for (int k = 0; k < edits.size(); k++) {
            Edit e = edits.get(k);
            if (e.offset() < cursor || !text.startsWith(e.before(), e.offset())) {
                throw new IllegalStateException("rule " + rule + " made a bad edit in " + id + " at " + e.offset());
            }
            out.append(text, cursor, e.offset());
            newOffsets[k] = out.length();
            out.append(e.after());
            cursor = e.offset() + e.before().length();
        }
        out.append(text, cursor, text.length());
        String result = out.toString();
        for (int k = 0; k < edits.size(); k++) {
            Edit e = edits.get(k);
            int from = Math.max(0, newOffsets[k] - CONTEXT);
            int to = Math.min(result.length(), newOffsets[k] + e.after().length() + CONTEXT);
            log.add(new Change(rule, id, e.offset(), e.before(), e.after(), result.substring(from, to), e.note()));
        }
        return result;
    }
}
