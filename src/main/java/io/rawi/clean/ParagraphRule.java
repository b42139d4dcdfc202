package io.rawi.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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

    /** A rule that replaces every match of a pattern; the replacement may return the match unchanged to skip it. */
    static ParagraphRule pattern(String id, String description, Pattern pattern, Function<Matcher, String> replacement) {
        return new ParagraphRule(id, description) {
            @Override
            List<Edit> edits(String paragraph, CleanOptions options) {
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
        };
    }
}
