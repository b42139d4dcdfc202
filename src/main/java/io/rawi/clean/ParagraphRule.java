package io.rawi.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A rule that looks at each paragraph on its own. */
abstract class ParagraphRule implements Rule {
    private final String id;
    private final String description;

    ParagraphRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<List<Edit>> edits(List<String> paragraphs, CleanOptions options) {
        List<List<Edit>> all = new ArrayList<>(paragraphs.size());
        for (String p : paragraphs) {
            all.add(edits(p, options));
        }
        return all;
    }

    abstract List<Edit> edits(String paragraph, CleanOptions options);

    /**
     * A rule that replaces every match of a pattern; the replacement may return the match unchanged to skip it.
     * {@code mayChange} is a quick test that is true of every paragraph where the rule would change something (it may
     * be true of others): most paragraphs need no rule at all, and scanning them with a pattern that has lookarounds
     * costs far more than a loop over their characters.
     */
    static PatternRule pattern(String id, String description, Predicate<String> mayChange, Pattern pattern,
                           Function<Matcher, String> replacement) {
        return new PatternRule(id, description, mayChange, pattern, replacement);
    }

    /** A rule made by {@link #pattern}. */
    static final class PatternRule extends ParagraphRule {
        private final Predicate<String> mayChange;
        private final Pattern pattern;
        private final Function<Matcher, String> replacement;

        private PatternRule(String id, String description, Predicate<String> mayChange, Pattern pattern,
                        Function<Matcher, String> replacement) {
            super(id, description);
            this.mayChange = mayChange;
            this.pattern = pattern;
            this.replacement = replacement;
        }

        @Override
        List<Edit> edits(String paragraph, CleanOptions options) {
            return mayChange.test(paragraph) ? everyEdit(paragraph) : List.of();
        }

        /** The edits found by matching the whole paragraph, without the quick test (which the tests hold to it). */
        List<Edit> everyEdit(String paragraph) {
            List<Edit> edits = new ArrayList<>();
            Matcher m = pattern.matcher(paragraph);
            while (m.find()) {
                String after = replacement.apply(m);
                if (!after.equals(m.group())) {
                    edits.add(new Edit(m.start(), m.group(), after));
                }
            }
            return edits;
        }
    }
}
