package io.rawi.diacritize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores a diacritizer against fully vowelled text in the field's terms: DER, the share of Arabic letters whose marks
 * differ from the gold text (letters with no mark in the gold text count too), and WER, the share of words with at
 * least one such letter; each with the case ending (the marks of a word's last letter) and without. A gold word may
 * give several accepted forms separated by '/': the closest one is the reference.
 *
 * <pre>{@code
 * java -cp target/classes io.rawi.diacritize.Evaluation test.txt [MODEL]
 * }</pre>
 */
public final class Evaluation {
    /** The counts behind the four figures. */
    public record Score(long letters, long letterErrors, long lettersNoCase, long letterErrorsNoCase, long words,
                        long wordErrors, long wordErrorsNoCase, long nanos) {
        public double der() {
            return 100.0 * letterErrors / letters;
        }

        public double derNoCase() {
            return 100.0 * letterErrorsNoCase / lettersNoCase;
        }

        public double wer() {
            return 100.0 * wordErrors / words;
        }

        public double werNoCase() {
            return 100.0 * wordErrorsNoCase / words;
        }

        public double wordsPerSecond() {
            return words / (nanos / 1e9);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "DER %.2f %% / WER %.2f %% with case endings, DER %.2f %% / WER %.2f %% "
                    + "without; %,d words, %,.0f words/s", der(), wer(), derNoCase(), werNoCase(), words,
                    wordsPerSecond());
        }
    }

    private Evaluation() {
    }

    public static void main(String[] args) throws IOException {
        Diacritizer d;
        if (args.length > 1) {
            Model model = Model.map(Path.of(args[1]));
            d = new Diacritizer(model::score);
        } else {
            d = Diacritizer.arabic();
        }
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        System.out.println(args[0] + ": " + score(d, lines, false));
        System.out.println(args[0] + ", a fatha on al-'s alif not counted: " + score(d, lines, true));
    }

    /**
     * {@code d}'s score on {@code lines} of vowelled text.
     *
     * @param wasla whether a fatha written on the alif of the article al- (with or without a one-letter proclitic)
     *              counts as no mark: news corpora write it (اَلْ), classical ones and rawi do not, and either reads the same
     */
    public static Score score(Diacritizer d, List<String> lines, boolean wasla) {
        long letters = 0;
        long errors = 0;
        long lettersNoCase = 0;
        long errorsNoCase = 0;
        long words = 0;
        long wordErrors = 0;
        long wordErrorsNoCase = 0;
        long nanos = 0;
        for (String line : lines) {
            List<List<int[]>> gold = new ArrayList<>();
            StringBuilder bare = new StringBuilder();
            for (String token : line.trim().split("\\s+")) {
                String[] alternatives = token.split("/", -1);
                if (Words.of(alternatives[0]).isEmpty()) {
                    alternatives = new String[] {token};
                }
                List<Words.Word> first = Words.of(alternatives[0]);
                for (int k = 0; k < first.size(); k++) {
                    List<int[]> forms = new ArrayList<>();
                    for (String alternative : alternatives) {
                        List<Words.Word> ws = Words.of(alternative);
                        if (ws.size() == first.size() && ws.get(k).letters().equals(first.get(k).letters())) {
                            forms.add(wasla ? withoutWaslaFatha(ws.get(k)) : ws.get(k).written());
                        }
                    }
                    gold.add(forms);
                }
                if (bare.length() > 0) {
                    bare.append(' ');
                }
                bare.append(strip(alternatives[0]));
            }
            long t0 = System.nanoTime();
            String predicted = d.diacritize(bare.toString());
            nanos += System.nanoTime() - t0;
            List<Words.Word> out = Words.of(predicted);
            if (out.size() != gold.size()) {
                throw new IllegalStateException("words do not align in: " + line);
            }
            for (int k = 0; k < out.size(); k++) {
                int[] p = out.get(k).written();
                int bestAll = Integer.MAX_VALUE;
                int bestNoCase = Integer.MAX_VALUE;
                for (int[] g : gold.get(k)) {
                    int all = 0;
                    int noCase = 0;
                    for (int i = 0; i < g.length; i++) {
                        if (Math.max(0, g[i]) != Math.max(0, p[i])) {
                            all++;
                            if (i < g.length - 1) {
                                noCase++;
                            }
                        }
                    }
                    bestAll = Math.min(bestAll, all);
                    bestNoCase = Math.min(bestNoCase, noCase);
                }
                int n = p.length;
                words++;
                letters += n;
                lettersNoCase += n - 1;
                errors += bestAll;
                errorsNoCase += bestNoCase;
                wordErrors += bestAll > 0 ? 1 : 0;
                wordErrorsNoCase += bestNoCase > 0 ? 1 : 0;
            }
        }
        return new Score(letters, errors, lettersNoCase, errorsNoCase, words, wordErrors, wordErrorsNoCase, nanos);
    }

    private static int[] withoutWaslaFatha(Words.Word w) {
        String s = w.letters();
        int alif = s.startsWith("ال") ? 0 : s.length() > 3 && "وفبكل".indexOf(s.charAt(0)) >= 0
                && s.startsWith("ال", 1) ? 1 : -1;
        if (alif < 0 || w.written()[alif] != 1) {
            return w.written();
        }
        int[] written = w.written().clone();
        written[alif] = Words.UNMARKED;
        return written;
    }

    /** {@code text} without harakat. */
    static String strip(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!Marks.isMark(text.charAt(i))) {
                sb.append(text.charAt(i));
            }
        }
        return sb.toString();
    }
}
