package io.rawi.diacritize;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Learns a {@link Model} from fully vowelled text, one sentence or passage a line: an averaged perceptron over
 * {@link Features}, trained greedily left to right as {@link Diacritizer#decode} runs, in a fixed order (a seeded
 * shuffle per pass), so the same text gives the same model, byte for byte.
 *
 * <pre>{@code
 * java -cp target/classes io.rawi.diacritize.Trainer train.txt voices/diacritizer/ar.model
 * }</pre>
 */
public final class Trainer {
    /** A feature seen fewer times than this in the training text gets no weight. */
    static final int MIN_COUNT = 2;
    static final int EPOCHS = 12;

    private record Example(String previous, String word, String next, int[] gold) {
    }

    private Trainer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Trainer TRAIN.txt... OUT.model");
            System.exit(2);
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < args.length - 1; i++) {
            lines.addAll(Files.readAllLines(Path.of(args[i]), StandardCharsets.UTF_8));
        }
        long t0 = System.nanoTime();
        Model model = train(lines, EPOCHS);
        Path out = Path.of(args[args.length - 1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            model.write(o);
        }
        System.err.printf("trained on %d lines in %.1f s: %d features, %d bytes%n", lines.size(),
                (System.nanoTime() - t0) / 1e9, model.size(), Files.size(out));
    }

    /** A model learnt from {@code lines} of fully vowelled text in {@code epochs} passes. */
    static Model train(List<String> lines, int epochs) {
        List<List<Example>> sentences = new ArrayList<>();
        for (String line : lines) {
            List<Words.Word> words = Words.of(line);
            List<Example> examples = new ArrayList<>(words.size());
            for (int k = 0; k < words.size(); k++) {
                Words.Word w = words.get(k);
                int[] gold = new int[w.written().length];
                for (int i = 0; i < gold.length; i++) {
                    gold[i] = Math.max(Marks.NONE, w.written()[i]);
                }
                examples.add(new Example(Words.previous(line, words, k), w.letters(), Words.next(line, words, k), gold));
            }
            sentences.add(examples);
        }
        LongIntMap counts = new LongIntMap();
        long[] features = new long[Features.MAX];
        for (List<Example> s : sentences) {
            for (Example e : s) {
                for (int i = 0; i < e.gold.length; i++) {
                    int n = Features.of(e.previous, e.word, e.next, i, e.gold, features);
                    for (int f = 0; f < n; f++) {
                        counts.add(LongIntMap.nonZero(features[f]), 1);
                    }
                }
            }
        }
        long[] kept = counts.keysWithAtLeast(MIN_COUNT);
        Arrays.sort(kept);
        LongIntMap ids = new LongIntMap();
        for (int i = 0; i < kept.length; i++) {
            ids.put(kept[i], i + 1);
        }
        Weights weights = new Weights(kept.length, ids);
        Diacritizer decoder = new Diacritizer(weights);
        float[] scores = new float[Marks.CLASSES];
        Random random = new Random(20261205L);
        List<List<Example>> order = new ArrayList<>(sentences);
        for (int epoch = 0; epoch < epochs; epoch++) {
            java.util.Collections.shuffle(order, random);
            for (List<Example> s : order) {
                for (Example e : s) {
                    int n = e.gold.length;
                    int[] chosen = new int[n];
                    for (int i = 0; i < n; i++) {
                        int count = Features.of(e.previous, e.word, e.next, i, chosen, features);
                        weights.score(features, count, scores);
                        int guess = Diacritizer.best(scores, Diacritizer.endsWord(e.word, i));
                        if (guess != e.gold[i]) {
                            weights.update(features, count, e.gold[i], guess);
                        }
                        weights.tick();
                        chosen[i] = guess;
                    }
                }
            }
        }
        return Model.of(kept, weights.averaged());
    }

    /** Perceptron weights with the running sums that averaging needs. */
    private static final class Weights implements Diacritizer.Scorer {
        private final float[] w;
        private final float[] sum;
        private final LongIntMap ids;
        private long step = 1;

        Weights(int features, LongIntMap ids) {
            this.w = new float[features * Marks.CLASSES];
            this.sum = new float[features * Marks.CLASSES];
            this.ids = ids;
        }

        @Override
        public void score(long[] features, int n, float[] scores) {
            Arrays.fill(scores, 0);
            for (int f = 0; f < n; f++) {
                int id = ids.get(LongIntMap.nonZero(features[f])) - 1;
                if (id >= 0) {
                    int base = id * Marks.CLASSES;
                    for (int c = 0; c < Marks.CLASSES; c++) {
                        scores[c] += w[base + c];
                    }
                }
            }
        }

        void update(long[] features, int n, int gold, int guess) {
            for (int f = 0; f < n; f++) {
                int id = ids.get(LongIntMap.nonZero(features[f])) - 1;
                if (id >= 0) {
                    int base = id * Marks.CLASSES;
                    w[base + gold] += 1;
                    sum[base + gold] += step;
                    w[base + guess] -= 1;
                    sum[base + guess] -= step;
                }
            }
        }

        void tick() {
            step++;
        }

        float[] averaged() {
            float[] avg = new float[w.length];
            for (int i = 0; i < w.length; i++) {
                avg[i] = w[i] - sum[i] / step;
            }
            return avg;
        }
    }
}
