package io.rawi.clean;

/**
 * One replacement a rule makes in one paragraph: {@code before} at {@code offset} becomes {@code after}.
 * Offsets index the paragraph as it stood when the rule ran; {@code note}, when not null, explains a repair.
 */
public record Edit(int offset, String before, String after, String note) {
    public Edit(int offset, String before, String after) {
        this(offset, before, after, null);
    }

    public Edit {
        if (offset < 0 || before.equals(after)) {
            throw new IllegalArgumentException("empty or negative edit at " + offset);
        }
    }

    static Edit insert(int offset, String text, String note) {
        return new Edit(offset, "", text, note);
    }

    // equals and hashCode are written out: the generated ones are linked through method handles on their first
    // call, which a cold start pays for (docs/BENCHMARKS.md, session 13)
    @Override
    public boolean equals(Object o) {
        return o instanceof Edit e && offset == e.offset && before.equals(e.before) && after.equals(e.after)
                && java.util.Objects.equals(note, e.note);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(offset, before, after, note);
    }
}
