package io.rawi.diacritize;

import java.util.ArrayList;
import java.util.List;

/**
 * The Arabic words of a text: each maximal run of Arabic letters and harakat, its bare letters, the marks written on
 * each letter, and the bare words beside it (when only white space separates them) as context.
 */
final class Words {
    /** Marks written on a letter that form no single class (two vowels, say): kept as written. */
    static final int ODD = -2;
    /** No mark written on the letter. */
    static final int UNMARKED = -1;

    /**
     * One word.
     *
     * @param start   where the run starts in the text
     * @param end     where it ends
     * @param letters the bare letters
     * @param written per letter: its class, {@link #UNMARKED} or {@link #ODD}
     * @param at      per letter: its index in the text
     */
    record Word(int start, int end, String letters, int[] written, int[] at) {
    }

    private Words() {
    }

    /** The words of {@code text}, in order. A run that starts with a mark (no letter to carry it) skips the mark. */
    static List<Word> of(CharSequence text) {
        List<Word> words = new ArrayList<>();
        int n = text.length();
        int i = 0;
        StringBuilder letters = new StringBuilder();
        while (i < n) {
            if (!Marks.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            letters.setLength(0);
            int count = 0;
            int j = i;
            while (j < n && (Marks.isLetter(text.charAt(j)) || Marks.isMark(text.charAt(j)))) {
                if (Marks.isLetter(text.charAt(j))) {
                    count++;
                }
                j++;
            }
            int[] written = new int[count];
            int[] at = new int[count];
            int k = -1;
            for (int p = start; p < j; ) {
                char c = text.charAt(p);
                k++;
                letters.append(c);
                at[k] = p;
                int q = p + 1;
                while (q < j && Marks.isMark(text.charAt(q))) {
                    q++;
                }
                if (q == p + 1) {
                    written[k] = UNMARKED;
                } else {
                    int cls = Marks.classOf(text, p + 1, q);
                    written[k] = cls < 0 ? ODD : cls;
                }
                p = q;
            }
            words.add(new Word(start, j, letters.toString(), written, at));
            i = j;
        }
        return words;
    }

    /** The bare word before word {@code k}, or "" when something other than white space stands between them. */
    static String previous(CharSequence text, List<Word> words, int k) {
        return k > 0 && blank(text, words.get(k - 1).end(), words.get(k).start()) ? words.get(k - 1).letters() : "";
    }

    /** The bare word after word {@code k}, or "" when something other than white space stands between them. */
    static String next(CharSequence text, List<Word> words, int k) {
        return k + 1 < words.size() && blank(text, words.get(k).end(), words.get(k + 1).start())
                ? words.get(k + 1).letters() : "";
    }

    private static boolean blank(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
