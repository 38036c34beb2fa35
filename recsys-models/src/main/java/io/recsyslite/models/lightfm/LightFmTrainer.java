package io.recsyslite.models.lightfm;

import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.models.common.Shuffle;
import io.recsyslite.models.common.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Stochastic training of the hybrid model (Kula 2015) with WARP or BPR loss and per-parameter
 * Adagrad. Each epoch shuffles the users and splits them among the context's threads, which
 * update the shared arrays without locks (Hogwild: collisions are rare and harmless for sparse
 * updates). With one thread and a fixed seed the result is deterministic. Negatives are sampled
 * among items that have training interactions: a catalogue item nobody has touched yet is not
 * known to be disliked. {@link #fitUsers} reuses the same steps with the item side frozen (fold-in).
 * Not thread-safe; one instance trains one model.
 */
final class LightFmTrainer {
    enum Loss { WARP, BPR }

    /** Hyperparameters of one training run. */
    record Settings(int dim, float learningRate, float itemAlpha, float userAlpha, Loss loss, int maxSampled) {
    }

    private final Settings settings;
    private final CsrMatrix userItems;
    private final LightFmParameters params;
    private final float[] featureEmbeddingSq;
    private final float[] featureBiasSq;
    private final float[] userEmbeddingSq;
    private final int[] candidates;
    /** Fold-in: only user embeddings learn. */
    private final boolean frozenItems;

    LightFmTrainer(Settings settings, CsrMatrix userItems, ItemFeatures features, long seed) {
        this(settings, userItems, initial(settings.dim(), features, userItems.rows(), new SplittableRandom(seed)),
                warmItems(userItems), false);
    }

    private LightFmTrainer(Settings settings, CsrMatrix userItems, LightFmParameters params, int[] candidates,
                           boolean frozenItems) {
        this.settings = settings;
        this.userItems = userItems;
        this.params = params;
        this.frozenItems = frozenItems;
        this.featureEmbeddingSq = frozenItems ? null : ones(params.featureEmbeddings().length);
        this.featureBiasSq = frozenItems ? null : ones(params.featureBiases().length);
        this.userEmbeddingSq = ones(params.userEmbeddings().length);
        this.candidates = candidates;
    }

    /**
     * Fold-in: user embeddings for {@code rows} (users x items) fitted with {@code epochs} epochs of
     * the training loss on one thread, the item features of {@code trained} frozen and shared.
     * Negatives come from {@code candidates}; the same inputs give the same vectors. A user with an
     * empty row gets a zero embedding.
     */
    static float[] fitUsers(Settings settings, LightFmParameters trained, CsrMatrix rows, int[] candidates,
                            int epochs) {
        long seed = rows.nnz();
        for (int r = 0; r < rows.rows(); r++) {
            seed = seed * 31 + java.util.Arrays.hashCode(rows.rowIndices(r));
        }
        float[] users = randomEmbeddings(rows.rows() * settings.dim(), settings.dim(), new SplittableRandom(seed));
        LightFmParameters params = new LightFmParameters(settings.dim(), trained.featureEmbeddings(),
                trained.featureBiases(), users, trained.itemFeatures());
        LightFmTrainer trainer = new LightFmTrainer(settings, rows, params, candidates, true);
        TrainingContext inline = TrainingContext.singleThreaded(seed);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            trainer.epoch(epoch, inline);
        }
        for (int r = 0; r < rows.rows(); r++) {
            if (rows.rowLength(r) == 0) {
                // Nothing to fit: the item biases alone rank, instead of a random direction.
                java.util.Arrays.fill(users, r * settings.dim(), (r + 1) * settings.dim(), 0f);
            }
        }
        return users;
    }

    /** LightFM's initialisation: embeddings uniform in (-0.5, 0.5) / dim, biases zero. */
    private static LightFmParameters initial(int dim, ItemFeatures features, int users, SplittableRandom random) {
        float[] featureEmbeddings = randomEmbeddings(features.numFeatures() * dim, dim, random);
        float[] userEmbeddings = randomEmbeddings(users * dim, dim, random);
        return new LightFmParameters(dim, featureEmbeddings, new float[features.numFeatures()], userEmbeddings,
                features.matrix());
    }

    private static float[] randomEmbeddings(int length, int dim, SplittableRandom random) {
        float[] out = new float[length];
        for (int k = 0; k < length; k++) {
            out[k] = (float) ((random.nextDouble() - 0.5) / dim);
        }
        return out;
    }

    /** Items with training interactions: the negatives are sampled among them. */
    private static int[] warmItems(CsrMatrix userItems) {
        CsrMatrix itemUsers = userItems.transpose();
        return java.util.stream.IntStream.range(0, itemUsers.rows()).filter(i -> itemUsers.rowLength(i) > 0).toArray();
    }

    LightFmParameters parameters() {
        return params;
    }

    /** One pass over every (user, positive item) pair, users split among {@code context.threads()}. */
    void epoch(int epoch, TrainingContext context) {
        if (candidates.length < 2) {
            return;
        }
        int[] users = shuffledUsers(new SplittableRandom(context.seed() * 1_000_003L + epoch));
        int threads = Math.min(context.threads(), Math.max(1, users.length));
        if (threads == 1) {
            new Worker(new SplittableRandom(context.seed() + 31L * epoch)).run(users, 0, users.length);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "lightfm-train");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = (int) ((long) users.length * t / threads);
                int to = (int) ((long) users.length * (t + 1) / threads);
                Worker worker = new Worker(new SplittableRandom(context.seed() + 31L * epoch + 7919L * t));
                parts.add(pool.submit(() -> worker.run(users, from, to)));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("lightfm training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("lightfm training failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private int[] shuffledUsers(SplittableRandom random) {
        int[] users = java.util.stream.IntStream.range(0, userItems.rows())
                .filter(u -> userItems.rowLength(u) > 0).toArray();
        Shuffle.shuffle(users, random);
        return users;
    }

    /** One thread's share of an epoch, with its own random stream and scratch vectors. */
    private final class Worker {
        private final SplittableRandom random;
        private final int dim = settings.dim();
        private final float[] positive = new float[dim];
        private final float[] negative = new float[dim];
        private final float[] userGradient = new float[dim];
        private final float[] itemGradient = new float[dim];

        Worker(SplittableRandom random) {
            this.random = random;
        }

        void run(int[] users, int from, int to) {
            for (int k = from; k < to; k++) {
                int u = users[k];
                int[] positives = userItems.rowIndices(u);
                Shuffle.shuffle(positives, random);
                for (int item : positives) {
                    step(u, item);
                }
            }
        }

        private void step(int user, int item) {
            int userOffset = user * dim;
            float[] userEmbeddings = params.userEmbeddings();
            params.itemEmbedding(item, positive, 0);
            float positiveScore = score(userEmbeddings, userOffset, positive) + params.itemBias(item);
            int tries = settings.loss() == Loss.WARP ? settings.maxSampled() : 1;
            for (int trial = 1; trial <= tries; trial++) {
                int other = candidates[random.nextInt(candidates.length)];
                if (userItems.contains(user, other)) {
                    continue;
                }
                params.itemEmbedding(other, negative, 0);
                float negativeScore = score(userEmbeddings, userOffset, negative) + params.itemBias(other);
                float weight;
                if (settings.loss() == Loss.WARP) {
                    if (negativeScore <= positiveScore - 1f) {
                        continue;
                    }
                    // WARP: a violation found after few trials means the positive ranks low.
                    weight = (float) Math.log(Math.max(1, (candidates.length - 1) / trial));
                } else {
                    weight = (float) (1.0 / (1.0 + Math.exp(positiveScore - negativeScore)));
                }
                update(user, item, other, weight);
                return;
            }
        }

        /** Gradient step on loss weight * (s(neg) - s(pos)) for the user and both items' features. */
        private void update(int user, int item, int other, float weight) {
            float[] userEmbeddings = params.userEmbeddings();
            int userOffset = user * dim;
            for (int d = 0; d < dim; d++) {
                userGradient[d] = weight * (negative[d] - positive[d]);
            }
            if (!frozenItems) {
                for (int d = 0; d < dim; d++) {
                    itemGradient[d] = -weight * userEmbeddings[userOffset + d];
                }
                updateItem(item, -weight);
                for (int d = 0; d < dim; d++) {
                    itemGradient[d] = weight * userEmbeddings[userOffset + d];
                }
                updateItem(other, weight);
            }
            float lr = settings.learningRate();
            for (int d = 0; d < dim; d++) {
                int k = userOffset + d;
                float g = userGradient[d] + settings.userAlpha() * userEmbeddings[k];
                userEmbeddingSq[k] += g * g;
                userEmbeddings[k] -= lr * g / (float) Math.sqrt(userEmbeddingSq[k]);
            }
        }

        private void updateItem(int item, float biasGradient) {
            CsrMatrix features = params.itemFeatures();
            float[] embeddings = params.featureEmbeddings();
            float[] biases = params.featureBiases();
            float lr = settings.learningRate();
            float alpha = settings.itemAlpha();
            for (int p = features.start(item); p < features.end(item); p++) {
                int f = features.col(p);
                float w = features.value(p);
                for (int d = 0; d < dim; d++) {
                    int k = f * dim + d;
                    float g = w * itemGradient[d] + alpha * embeddings[k];
                    featureEmbeddingSq[k] += g * g;
                    embeddings[k] -= lr * g / (float) Math.sqrt(featureEmbeddingSq[k]);
                }
                float g = w * biasGradient;
                featureBiasSq[f] += g * g;
                biases[f] -= lr * g / (float) Math.sqrt(featureBiasSq[f]);
            }
        }

        private float score(float[] userEmbeddings, int userOffset, float[] itemEmbedding) {
            return Vectors.dot(userEmbeddings, userOffset, itemEmbedding, 0, dim);
        }
    }

    private static float[] ones(int n) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, 1f);
        return a;
    }
}
