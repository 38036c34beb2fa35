package io.recsyslite.models.item2vec;

import io.recsyslite.core.artifact.ArtifactWriter;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.index.Metric;
import io.recsyslite.core.spi.EmbeddingModel;
import io.recsyslite.core.spi.FoldIn;
import io.recsyslite.core.spi.FoldInUsers;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.ExplainingRecommender;
import io.recsyslite.models.common.Vectors;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Trained item2vec: item vectors, and per user the query vector of their training items (the
 * recent ones or all, see {@link Query}). Scores are cosine similarities; items without a vector
 * score negative infinity. An item seen by {@code n} users has its positive scores for users and
 * recent items multiplied by {@code n / (n + rare_shrinkage)}: a vector trained on one or two users
 * is mostly noise, and without the shrinkage such items crowd the top of every long-tail list. Fold-in keeps item
 * vectors untouched; its rows carry no time order, so it reconstructs recency as far as it can: when a
 * known user's history only grew, the items new since training count as the newest positions (in
 * equal, confidence-scaled weight, their order being unknown) and the trained user vector stands for
 * the older positions behind them; a new user, or one whose history lost items, gets the
 * confidence-weighted mean of their items' vectors. An explanation names the user's items nearest
 * to the recommended one (cosine of the item vectors). Immutable and thread-safe.
 */
final class Item2VecModel extends ExplainingRecommender implements EmbeddingModel, FoldIn {
    /** How recent items become a query: the last {@code lastN}, weights decaying by {@code decay}. */
    record Query(int lastN, double decay) {
        /** The whole history, every item weighing the same. */
        static final Query ALL = new Query(Integer.MAX_VALUE, 1.0);

        String history() {
            return this.equals(ALL) ? Item2VecProvider.ALL : Item2VecProvider.RECENT;
        }

        float[] of(float[] itemVectors, int dim, int[] recentItems) {
            return Vectors.recencyWeightedMean(itemVectors, dim, recentItems, lastN, decay);
        }

        /** Total weight of the newest {@code n} positions. */
        double weightOfNewest(int n) {
            return weightBetween(0, Math.min(n, lastN));
        }

        /** Total weight of the positions behind the newest {@code n}, up to {@code lastN}. */
        double weightAfter(int n) {
            return weightBetween(Math.min(n, lastN), lastN);
        }

        private double weightBetween(int from, int to) {
            double w = 0;
            for (int k = from; k < to; k++) {
                w += Math.pow(decay, k);
            }
            return w;
        }
    }

    private final int dim;
    private final float[] itemVectors;
    private final float[] itemNorms;
    private final float[] userVectors;
    private final Query query;
    /** Per item, {@code users / (users + rare_shrinkage)}: cosine scores of rarely seen items shrink. */
    private final float[] shrink;

    Item2VecModel(Params params, ModelData data, int dim, float[] itemVectors, float[] userVectors, Query query) {
        super(Item2VecProvider.NAME, params, data);
        this.dim = dim;
        this.itemVectors = itemVectors;
        this.itemNorms = Vectors.rowNorms(itemVectors, dim);
        this.userVectors = userVectors;
        this.query = query;
        this.shrink = shrinkage(data.seen(), params.getDouble(Item2VecProvider.RARE_SHRINKAGE, 0));
    }

    private static float[] shrinkage(CsrMatrix seen, double beta) {
        float[] users = new float[seen.cols()];
        for (int p = 0; p < seen.nnz(); p++) {
            users[seen.col(p)]++;
        }
        for (int i = 0; i < users.length; i++) {
            users[i] = (float) (users[i] / (users[i] + beta));
        }
        return users;
    }

    @Override
    protected void scoreUser(int user, float[] scores) {
        score(Vectors.row(userVectors, dim, user), scores);
    }

    @Override
    protected void scoreRecent(int[] recentItems, float[] scores) {
        score(queryFor(recentItems), scores);
    }

    private void score(float[] queryVector, float[] scores) {
        Vectors.cosineAll(itemVectors, itemNorms, dim, queryVector, scores);
        for (int i = 0; i < scores.length; i++) {
            scores[i] = scores[i] > 0 ? scores[i] * shrink[i] : scores[i];
        }
    }

    @Override
    protected void scoreSimilar(int item, float[] scores) {
        Vectors.cosineAll(itemVectors, itemNorms, dim, Vectors.row(itemVectors, dim, item), scores);
    }

    @Override
    protected void contributions(int[] history, float[] confidences, int item, float[] out) {
        Vectors.cosineToRow(itemVectors, itemNorms, dim, history, item, out);
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public Metric metric() {
        return Metric.COSINE;
    }

    @Override
    public float[] itemVectors() {
        return itemVectors.clone();
    }

    @Override
    public float[] userVector(int user) {
        checkUser(user);
        return Vectors.row(userVectors, dim, user);
    }

    @Override
    public float[] queryFor(int[] recentItems) {
        for (int item : recentItems) {
            checkItem(item);
        }
        return query.of(itemVectors, dim, recentItems);
    }

    @Override
    public Recommender foldIn(List<String> userIds, CsrMatrix rows) {
        FoldInUsers merged = FoldInUsers.merge(data, userIds, rows);
        float[] users = Arrays.copyOf(userVectors, merged.data().users().size() * dim);
        for (int r = 0; r < merged.users().length; r++) {
            int u = merged.users()[r];
            int offset = u * dim;
            // Under the whole-history query every user is the plain mean of the new row, as a new user.
            boolean appended = !query.equals(Query.ALL) && u < data.users().size() && containsRow(rows, r, data.seen(), u);
            int fresh = 0;
            float[] freshMean = new float[dim];
            float total = 0f;
            for (int p = rows.start(r); p < rows.end(r); p++) {
                if (appended && data.seen().contains(u, rows.col(p))) {
                    continue;
                }
                fresh++;
                total += rows.value(p);
                int item = rows.col(p) * dim;
                for (int d = 0; d < dim; d++) {
                    freshMean[d] += rows.value(p) * itemVectors[item + d];
                }
            }
            double freshWeight = total > 0 ? query.weightOfNewest(fresh) / total : 0;
            double oldWeight = appended ? query.weightAfter(fresh) : 0;
            double norm = Math.max(1e-12, freshWeight * total + oldWeight);
            for (int d = 0; d < dim; d++) {
                users[offset + d] = (float) ((freshWeight * freshMean[d] + oldWeight * users[offset + d]) / norm);
            }
        }
        return new Item2VecModel(params(), merged.data(), dim, itemVectors, users, query);
    }

    /** Whether {@code rows} row r holds every item of {@code seen} row u (the history only grew). */
    private static boolean containsRow(CsrMatrix rows, int r, CsrMatrix seen, int u) {
        for (int p = seen.start(u); p < seen.end(u); p++) {
            if (!rows.contains(r, seen.col(p))) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void writeModel(ArtifactWriter out) throws IOException {
        out.putMeta("vector_size", dim);
        out.putMeta(Item2VecProvider.HISTORY, query.history());
        out.putFloats("item_vectors", itemVectors, data.items().size(), dim);
        out.putUserFloats("user_vectors", userVectors, data.users().size(), dim);
    }
}
