package io.rawi.diacritize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Restores the short vowels, shadda, sukun and tanwin of Arabic text. It keeps every mark the author wrote and fills
 * in only the letters that have none; everything that is not an Arabic letter is left exactly as it was.
 *
 * <p>The model is an averaged perceptron learnt by {@link Trainer} from fully vowelled text: each letter's marks are
 * chosen from the letters around it, the whole word, the marks chosen before it, and for the case ending the words
 * beside it. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * String vowelled = Diacritizer.arabic().diacritize("ذهب الولد إلى المدرسة");
 * }</pre>
 */
public final class Diacritizer {
    /** Scores a letter's classes from its features. */
    interface Scorer {
        void score(long[] features, int n, float[] scores);
    }

    private final Scorer scorer;
    private final String version;

    Diacritizer(Scorer scorer) {
        this(scorer, "diacritizer (in memory)");
    }

    Diacritizer(Scorer scorer, String version) {
        this.scorer = scorer;
        this.version = version;
    }

    /** Names this diacritizer and its model (a checksum of the model file), for cache keys. */
    public String version() {
        return version;
    }

    /** The diacritizer of the model shipped with rawi (read once, on first use). */
    public static Diacritizer arabic() {
        return Shipped.INSTANCE;
    }

    /** {@code text} with the marks its Arabic letters lack. */
    public String diacritize(String text) {
        List<Words.Word> words = Words.of(text);
        if (words.isEmpty()) {
            return text;
        }
        long[] features = new long[Features.MAX];
        float[] scores = new float[Marks.CLASSES];
        StringBuilder out = new StringBuilder(text.length() * 2);
        int copied = 0;
        for (int k = 0; k < words.size(); k++) {
            Words.Word w = words.get(k);
            int[] chosen = decode(Words.previous(text, words, k), w.letters(), Words.next(text, words, k), w.written(),
                    features, scores);
            for (int i = 0; i < chosen.length; i++) {
                if (w.written()[i] == Words.UNMARKED && chosen[i] != Marks.NONE) {
                    out.append(text, copied, w.at()[i] + 1).append(Marks.text(chosen[i]));
                    copied = w.at()[i] + 1;
                }
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    /**
     * The words of a passage, each with the marks it lacks, read in context as if separated by single spaces. A word
     * holding a space is vowelled on its own.
     */
    public List<String> diacritize(List<String> words) {
        StringBuilder joined = new StringBuilder();
        for (String w : words) {
            if (w.indexOf(' ') >= 0) {
                return words.stream().map(this::diacritize).toList();
            }
            if (joined.length() > 0) {
                joined.append(' ');
            }
            joined.append(w);
        }
        return List.of(diacritize(joined.toString()).split(" ", -1)).subList(0, words.size());
    }

    /** The class of each letter of {@code word}, left to right: the written one where there is one, else the best. */
    int[] decode(String previous, String word, String next, int[] written, long[] features, float[] scores) {
        int n = word.length();
        int[] chosen = new int[n];
        for (int i = 0; i < n; i++) {
            if (written[i] >= 0) {
                chosen[i] = written[i];
                continue;
            }
            if (written[i] == Words.ODD) {
                chosen[i] = Marks.NONE;
                continue;
            }
            int count = Features.of(previous, word, next, i, chosen, features);
            scorer.score(features, count, scores);
            chosen[i] = best(scores, endsWord(word, i));
        }
        return chosen;
    }

    /** Whether letter {@code i} may take tanwin: the last letter, or the one before a final alif or alif maqsura. */
    static boolean endsWord(String word, int i) {
        int n = word.length();
        return i == n - 1 || (i == n - 2 && (word.charAt(n - 1) == '\u0627' || word.charAt(n - 1) == '\u0649'));
    }

    /** The best class; tanwin only where {@code last} says a word may end in it. */
    static int best(float[] scores, boolean last) {
        int best = 0;
        for (int c = 1; c < Marks.CLASSES; c++) {
            if ((last || !Marks.tanwin(c)) && scores[c] > scores[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Where the shipped model is: {@code diacritizer/ar.model} in the voices folder ({@code -Drawi.voices}, else
     * {@code RAWI_VOICES}, else {@code voices/}), as the launcher sets it.
     */
    public static Path shippedModel() {
        return io.rawi.internal.Folders.voices().resolve("diacritizer").resolve("ar.model");
    }

    private static final class Shipped {
        static final Diacritizer INSTANCE = load();

        private static Diacritizer load() {
            Path file = shippedModel();
            try {
                Model model = Model.map(file);
                return new Diacritizer(model::score, "diacritizer " + Long.toHexString(model.checksum()));
            } catch (IOException e) {
                throw new UncheckedIOException("rawi's Arabic diacritizer model " + file + " cannot be read ("
                        + e.getMessage() + "); make it with bench/diacritizer.sh train", e);
            }
        }
    }
}
