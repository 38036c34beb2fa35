package io.recsyslite.models.item2vec;

import io.recsyslite.core.data.Sequences;
import io.recsyslite.models.common.PopularitySampler;
import io.recsyslite.models.common.Shuffle;
import io.recsyslite.models.common.WorkerPool;
import io.recsyslite.models.common.Vectors;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Skip-gram with negative sampling (word2vec's SGNS) over users' time-ordered item sequences, in
 * plain Java on flat float arrays: the only memory beyond the input is two {@code items x dim}
 * matrices and one cumulative sampling table. As in word2vec, each position uses a window drawn
 * uniformly from 1..window, frequent items are subsampled, negatives come from the unigram
 * distribution raised to 0.75, and the learning rate decays linearly over all epochs. Users are
 * split among the pool's threads, which update the shared matrices without locks (Hogwild); with one
 * thread and a fixed seed the result is deterministic. Not thread-safe; one instance trains one model.
 */
final class Item2VecTrainer {
    /** Hyperparameters of one training run. */
    record Settings(int dim, int window, int negative, int minCount, double subsampling, float learningRate) {
    }

    private final Settings settings;
    private final Sequences sequences;
    private final int dim;
    private final float[] input;
    private final float[] output;
    private final boolean[] inVocabulary;
    private final double[] keepProbability;
    /** Negatives: in-vocabulary items by count^0.75. */
    private final PopularitySampler negatives;
    private final int vocabularySize;
    private final long tokensPerEpoch;
    private final AtomicLong processed = new AtomicLong();

    Item2VecTrainer(Settings settings, Sequences sequences, int numItems, long seed) {
        this.settings = settings;
        this.sequences = sequences;
        this.dim = settings.dim();
        long[] counts = new long[numItems];
        for (int p = 0; p < sequences.totalEvents(); p++) {
            counts[sequences.item(p)]++;
        }
        this.inVocabulary = new boolean[numItems];
        long[] vocabularyCounts = new long[numItems];
        long total = 0;
        int vocabulary = 0;
        for (int i = 0; i < numItems; i++) {
            inVocabulary[i] = counts[i] >= settings.minCount();
            vocabularyCounts[i] = inVocabulary[i] ? counts[i] : 0;
            total += vocabularyCounts[i];
            vocabulary += inVocabulary[i] ? 1 : 0;
        }
        this.vocabularySize = vocabulary;
        // Progress counts whole sequences, items below min_count included.
        this.tokensPerEpoch = sequences.totalEvents();
        this.keepProbability = new double[numItems];
        double threshold = settings.subsampling() * total;
        for (int i = 0; i < numItems; i++) {
            // word2vec's formula; 1 or more means always kept.
            keepProbability[i] = counts[i] == 0 ? 0 : (Math.sqrt(counts[i] / threshold) + 1) * threshold / counts[i];
        }
        this.negatives = new PopularitySampler(vocabularyCounts, 0.75);
        this.input = new float[numItems * dim];
        this.output = new float[numItems * dim];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < numItems; i++) {
            if (inVocabulary[i]) {
                for (int d = 0; d < dim; d++) {
                    input[i * dim + d] = (float) ((random.nextDouble() - 0.5) / dim);
                }
            }
        }
    }

    /** The item vectors; zero for items below {@code min_count}. Live while training goes on. */
    float[] itemVectors() {
        return input;
    }

    /** One pass over every user's sequence; {@code epoch} counts from 1 up to {@code epochs}. */
    void epoch(int epoch, int epochs, long seed, WorkerPool pool) {
        if (vocabularySize < 2) {
            return;
        }
        int[] users = IntStream.range(0, sequences.numUsers()).filter(u -> sequences.length(u) > 1).toArray();
        Shuffle.shuffle(users, new SplittableRandom(seed * 1_000_003L + epoch));
        long budget = Math.max(1, tokensPerEpoch * epochs);
        int threads = pool.threads();
        pool.onEachWorker(w -> new Worker(new SplittableRandom(seed + 31L * epoch + 7919L * w), budget)
                .run(users, (int) ((long) users.length * w / threads), (int) ((long) users.length * (w + 1) / threads)));
    }

    /** One thread's share of an epoch, with its own random stream and scratch space. */
    private final class Worker {
        private final SplittableRandom random;
        private final long budget;
        private final float[] gradient = new float[dim];
        private int[] kept = new int[64];
        private long unreported;

        Worker(SplittableRandom random, long budget) {
            this.random = random;
            this.budget = budget;
        }

        void run(int[] users, int from, int to) {
            for (int k = from; k < to; k++) {
                int length = subsample(users[k]);
                float lr = learningRate();
                for (int pos = 0; pos < length; pos++) {
                    int reach = 1 + random.nextInt(settings.window());
                    int target = kept[pos];
                    for (int c = Math.max(0, pos - reach); c <= Math.min(length - 1, pos + reach); c++) {
                        if (c != pos && kept[c] != target) {
                            learnPair(kept[c], target, lr);
                        }
                    }
                }
                unreported += sequences.length(users[k]);
                if (unreported > 10_000) {
                    processed.addAndGet(unreported);
                    unreported = 0;
                }
            }
            processed.addAndGet(unreported);
        }

        /** Copies the user's kept items into {@code kept}; returns how many. */
        private int subsample(int user) {
            if (kept.length < sequences.length(user)) {
                kept = new int[sequences.length(user)];
            }
            int n = 0;
            for (int p = sequences.start(user); p < sequences.end(user); p++) {
                int item = sequences.item(p);
                if (inVocabulary[item] && random.nextDouble() < keepProbability[item]) {
                    kept[n++] = item;
                }
            }
            return n;
        }

        private float learningRate() {
            double done = (double) processed.get() / budget;
            return (float) (settings.learningRate() * Math.max(1e-4, 1 - done));
        }

        /** word2vec's update: the context item's input vector predicts the target against negatives. */
        private void learnPair(int context, int target, float lr) {
            int in = context * dim;
            Arrays.fill(gradient, 0f);
            for (int s = 0; s <= settings.negative(); s++) {
                int other = s == 0 ? target : negatives.next(random);
                if (s > 0 && other == target) {
                    continue;
                }
                int out = other * dim;
                float dot = Vectors.dot(input, in, output, out, dim);
                float g = (float) ((s == 0 ? 1 : 0) - 1 / (1 + Math.exp(-dot))) * lr;
                for (int d = 0; d < dim; d++) {
                    gradient[d] += g * output[out + d];
                    output[out + d] += g * input[in + d];
                }
            }
            for (int d = 0; d < dim; d++) {
                input[in + d] += gradient[d];
            }
        }
    }
}
