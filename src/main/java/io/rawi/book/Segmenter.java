package io.rawi.book;

import io.rawi.internal.ZeroPad;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits paragraphs into sentences and sentences into words, giving each a stable id.
 *
 * <p>A sentence ends at {@code . ! ? ؟ … ۔} (or a run of them), followed by any closing quotes or brackets, then a
 * space or the end. A full stop is no end inside a number ({@code 3.5}), after a one-letter abbreviation or initial
 * ({@code د.}, {@code J.}), after a common abbreviation ({@code Dr.}, {@code e.g.}), or when a lower-case Latin letter
 * follows. Words are runs between spaces, punctuation included, so that their spans cover the text. Thread-safe.
 */
public final class Segmenter {
    private static final String TERMINATORS = ".!?؟…۔";
    private static final String CLOSERS = "»”’\"')]}›";
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co", "no",
            "fig", "vol", "pp", "p", "u.s", "u.k", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
            "nov", "dec", "gen", "col", "lt", "sgt", "rev", "gov", "sen", "rep", "approx", "dept", "est", "mt", "ft",
            "ص.ب", "إلخ", "الخ", "ت", "هـ");

    private Segmenter() {
    }

    /** Builds a paragraph with its sentences and words. */
    public static Paragraph paragraph(String id, Paragraph.Kind kind, String text, Language language) {
        return new Paragraph(id, kind, text, language, sentences(id, text));
    }

    /** The sentences of {@code text}, with ids {@code <paragraphId>s01}, {@code s02}… */
    public static List<Sentence> sentences(String paragraphId, String text) {
        List<int[]> spans = new ArrayList<>();
        int start = skipSpaces(text, 0);
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (TERMINATORS.indexOf(c) < 0) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < text.length() && TERMINATORS.indexOf(text.charAt(end)) >= 0) {
                end++;
            }
            while (end < text.length() && CLOSERS.indexOf(text.charAt(end)) >= 0) {
                end++;
            }
            boolean atSpace = end == text.length() || Character.isWhitespace(text.charAt(end));
            if (atSpace && !(c == '.' && end == i + 1 && abbreviation(text, i, end))) {
                if (hasContent(text, start, end)) {
                    spans.add(new int[] {start, end});
                    start = skipSpaces(text, end);
                } else if (!spans.isEmpty()) {
                    spans.get(spans.size() - 1)[1] = end;
                    start = skipSpaces(text, end);
                }
            }
            i = end;
        }
        int tail = text.length();
        while (tail > start && Character.isWhitespace(text.charAt(tail - 1))) {
            tail--;
        }
        if (tail > start) {
            if (hasContent(text, start, tail) || spans.isEmpty()) {
                spans.add(new int[] {start, tail});
            } else {
                spans.get(spans.size() - 1)[1] = tail;
            }
        }
        List<Sentence> sentences = new ArrayList<>(spans.size());
        for (int k = 0; k < spans.size(); k++) {
            String id = ZeroPad.of(paragraphId + "s", k + 1, 2);
            int[] s = spans.get(k);
            sentences.add(new Sentence(id, s[0], s[1], text.substring(s[0], s[1]), words(id, text, s[0], s[1])));
        }
        return sentences;
    }

    private static List<Word> words(String sentenceId, String text, int from, int to) {
        List<Word> words = new ArrayList<>();
        String prefix = sentenceId + "w";
        int i = from;
        while (i < to) {
            i = skipSpaces(text, i);
            int start = i;
            while (i < to && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(new Word(ZeroPad.of(prefix, words.size() + 1, 2), start, i,
                        text.substring(start, i)));
            }
        }
        return words;
    }

    private static boolean abbreviation(String text, int dot, int end) {
        int from = dot;
        while (from > 0 && !Character.isWhitespace(text.charAt(from - 1)) && "«“\"(".indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        String token = text.substring(from, dot).toLowerCase(Locale.ROOT);
        if (token.codePointCount(0, token.length()) == 1 && Character.isLetter(token.codePointAt(0))) {
            return true;
        }
        if (ABBREVIATIONS.contains(token)) {
            return true;
        }
        int next = skipSpaces(text, end);
        return next < text.length() && Character.isLowerCase(text.charAt(next))
                && LanguageDetector.script(text.charAt(next)) == Character.UnicodeScript.LATIN;
    }

    private static boolean hasContent(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.isLetterOrDigit(text.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whether {@code text} has anything to say: a letter or a digit. */
    public static boolean speakable(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
