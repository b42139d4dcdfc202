package io.rawi.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves straight double quotes into the language's typographic pairs (Arabic: «…» outside, “…” inside).
 *
 * <p>A mark's role comes from its position: after a space, at the start, or after a one-letter proclitic
 * (و ف ب ل ك) it opens; before a space, punctuation or the end it closes; where both or neither hold, the current depth
 * decides. A quotation still open at the end of a paragraph runs on into the next one when that paragraph starts with
 * a quote mark (the conventional reopening mark), has no quote marks at all, or closes a quotation it did not open.
 * Otherwise it was left open: the rule closes it at the end of the last paragraph it covered, and reports that.
 * A quotation over several paragraphs follows the convention of Arabic, French and English typography alike: each
 * paragraph it continues in opens with the opening mark, and only the last one closes it; the rule adds a missing
 * opening mark, and reports each such quotation, since whether it is one quotation is a guess a person should check.
 * A quotation never runs into or out of a paragraph that stands alone (a heading, a list item, a caption:
 * {@link CleanOptions#standalone()}).
 * Spaces just inside the marks are removed.
 */
final class QuoteRule implements Rule {
    static final String LEFT_OPEN = "closed a quotation left open: the next paragraph neither continues nor closes it";
    static final String RUNS_ON = "a quotation opened here runs on over %d paragraphs: each one it continues in now "
            + "opens with the quotation mark, and only the last closes it; check that it is one quotation";
    private static final String PROCLITICS = "وفبلك";
    private static final String OPENERS = "([{«“‘—–-/";
    private static final String CLOSER_FOLLOWERS = ".,;:!?،؛؟…)]}»”’-—–";

    private enum Role { OPEN, CLOSE, EITHER }

    @Override
    public String id() {
        return "quotes";
    }

    @Override
    public String description() {
        return "Turns straight double quotes into typographic pairs («…» and “…” in Arabic), nesting by position, "
                + "across paragraphs, closing a quotation left open.";
    }

    @Override
    public List<List<Edit>> edits(List<String> paragraphs, CleanOptions options) {
        String[][] marks = marks(options.language().primary());
        List<List<Edit>> all = new ArrayList<>();
        int depth = 0;
        int lastInside = -1;
        int openedIn = -1;
        Edit opening = null;
        for (int i = 0; i < paragraphs.size(); i++) {
            String p = paragraphs.get(i);
            List<Integer> positions = positions(p);
            List<Edit> edits = new ArrayList<>();
            all.add(edits);
            int first = 0;
            boolean alone = options.standalone().contains(i);
            if (depth > 0 && alone) {
                closeLeftOpen(all, paragraphs, lastInside, depth, marks);
                depth = 0;
            }
            if (depth > 0) {
                if (positions.isEmpty() || closesUnopened(p, positions)) {
                    edits.add(Edit.insert(0, marks[(depth - 1) % 2][0], null));
                    if (positions.isEmpty()) {
                        lastInside = i;
                        continue;
                    }
                } else if (positions.get(0) == 0 && role(p, 0) == Role.OPEN) {
                    edits.add(mark(p, 0, marks[(depth - 1) % 2][0], true));
                    first = 1;
                } else {
                    closeLeftOpen(all, paragraphs, lastInside, depth, marks);
                    depth = 0;
                }
            }
            for (int k = first; k < positions.size(); k++) {
                int at = positions.get(k);
                Role role = role(p, at);
                boolean open = role == Role.OPEN || (role == Role.EITHER && depth == 0);
                if (open) {
                    edits.add(mark(p, at, marks[depth % 2][0], true));
                    if (depth == 0) {
                        openedIn = i;
                        opening = edits.get(edits.size() - 1);
                    }
                    depth++;
                } else {
                    depth = Math.max(0, depth - 1);
                    edits.add(mark(p, at, marks[depth % 2][1], false));
                    if (depth == 0 && openedIn >= 0 && openedIn < i) {
                        List<Edit> where = all.get(openedIn);
                        where.set(where.indexOf(opening), new Edit(opening.offset(), opening.before(), opening.after(),
                                String.format(java.util.Locale.ROOT, RUNS_ON, i - openedIn + 1)));
                        openedIn = -1;
                    }
                }
            }
            if (depth > 0) {
                lastInside = i;
                if (alone) {
                    closeLeftOpen(all, paragraphs, i, depth, marks);
                    depth = 0;
                }
            }
        }
        if (depth > 0) {
            closeLeftOpen(all, paragraphs, lastInside, depth, marks);
        }
        return all;
    }

    /** Closes every open level at the end of paragraph {@code at}, innermost first, with the note that says why. */
    private static void closeLeftOpen(List<List<Edit>> all, List<String> paragraphs, int at, int depth, String[][] marks) {
        for (int level = depth - 1; level >= 0; level--) {
            all.get(at).add(Edit.insert(paragraphs.get(at).length(), marks[level % 2][1], LEFT_OPEN));
        }
    }

    /** An edit that writes the mark at {@code at}, swallowing a space just inside the quotation. */
    private static Edit mark(String p, int at, String glyph, boolean opening) {
        if (opening && at + 1 < p.length() && p.charAt(at + 1) == ' ') {
            return new Edit(at, "\" ", glyph);
        }
        if (!opening && at > 1 && p.charAt(at - 1) == ' ' && p.charAt(at - 2) != '"') {
            return new Edit(at - 1, " \"", glyph);
        }
        return new Edit(at, "\"", glyph);
    }

    private static boolean closesUnopened(String p, List<Integer> positions) {
        int depth = 0;
        for (int at : positions) {
            Role role = role(p, at);
            if (role == Role.OPEN || (role == Role.EITHER && depth == 0)) {
                if (role == Role.EITHER) {
                    return true;
                }
                depth++;
            } else if (depth == 0) {
                return true;
            } else {
                depth--;
            }
        }
        return false;
    }

    private static List<Integer> positions(String p) {
        List<Integer> out = new ArrayList<>();
        for (int i = p.indexOf('"'); i >= 0; i = p.indexOf('"', i + 1)) {
            out.add(i);
        }
        return out;
    }

    private static Role role(String p, int at) {
        char prev = at > 0 ? p.charAt(at - 1) : ' ';
        char next = at + 1 < p.length() ? p.charAt(at + 1) : ' ';
        boolean proclitic = PROCLITICS.indexOf(prev) >= 0 && (at < 2 || !Character.isLetter(p.charAt(at - 2)));
        boolean opens = Character.isWhitespace(prev) || OPENERS.indexOf(prev) >= 0 || proclitic;
        boolean closes = Character.isWhitespace(next) || CLOSER_FOLLOWERS.indexOf(next) >= 0;
        if (opens && !closes) {
            return Role.OPEN;
        }
        if (closes && !opens) {
            return Role.CLOSE;
        }
        return Role.EITHER;
    }

    /** Opening and closing marks for the outer and the inner level. */
    private static String[][] marks(String language) {
        return switch (language) {
            case "ar", "fa", "ur", "ps", "ckb", "ug", "sd", "fr", "ru", "uk", "es", "it", "pt", "el", "no", "nb" ->
                    new String[][] {{"«", "»"}, {"“", "”"}};
            case "de", "cs", "sk", "sl", "hr", "bg", "lt", "et", "is" -> new String[][] {{"„", "“"}, {"‚", "‘"}};
            case "pl", "hu", "ro", "nl-old" -> new String[][] {{"„", "”"}, {"«", "»"}};
            default -> new String[][] {{"“", "”"}, {"‘", "’"}};
        };
    }
}
