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
import io.recsyslite.core.spi.ScoringRecommender;
import io.recsyslite.models.vectors.DenseVectors;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Trained item2vec: item vectors, and per user the query vector of their latest training items.
 * Scores are cosine similarities; items without a vector score negative infinity. A fold-in gives
 * a user the confidence-weighted mean of the vectors of their updated items: the fold-in rows carry
 * no time order, so the recency weighting of training cannot apply (a time-decay confidence weighting
 * brings recency in through the confidences); item vectors stay untouched.
 * Immutable and thread-safe.
 */
final class Item2VecModel extends ScoringRecommender implements EmbeddingModel, FoldIn {
    /** How recent items become a query: the last {@code lastN}, weights decaying by {@code decay}. */
    record Query(int lastN, double decay) {
        float[] of(float[] itemVectors, int dim, int[] recentItems) {
            return DenseVectors.recencyWeightedMean(itemVectors, dim, recentItems, lastN, decay);
        }
    }

    private final int dim;
    private final float[] itemVectors;
    private final float[] itemNorms;
    private final float[] userVectors;
    private final Query query;

    Item2VecModel(Params params, ModelData data, int dim, float[] itemVectors, float[] userVectors, Query query) {
        super(Item2VecProvider.NAME, params, data);
        this.dim = dim;
        this.itemVectors = itemVectors;
        this.itemNorms = DenseVectors.rowNorms(itemVectors, dim);
        this.userVectors = userVectors;
        this.query = query;
    }

    @Override
    protected void scoreUser(int user, float[] scores) {
        DenseVectors.cosineAll(itemVectors, itemNorms, dim, DenseVectors.row(userVectors, dim, user), scores);
    }

    @Override
    protected void scoreRecent(int[] recentItems, float[] scores) {
        DenseVectors.cosineAll(itemVectors, itemNorms, dim, queryFor(recentItems), scores);
    }

    @Override
    protected void scoreSimilar(int item, float[] scores) {
        DenseVectors.cosineAll(itemVectors, itemNorms, dim, DenseVectors.row(itemVectors, dim, item), scores);
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
        return DenseVectors.row(userVectors, dim, user);
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
            int offset = merged.users()[r] * dim;
            Arrays.fill(users, offset, offset + dim, 0f);
            float total = 0f;
            for (int p = rows.start(r); p < rows.end(r); p++) {
                int item = rows.col(p) * dim;
                total += rows.value(p);
                for (int d = 0; d < dim; d++) {
                    users[offset + d] += rows.value(p) * itemVectors[item + d];
                }
            }
            for (int d = 0; total > 0 && d < dim; d++) {
                users[offset + d] /= total;
            }
        }
        return new Item2VecModel(params(), merged.data(), dim, itemVectors, users, query);
    }

    @Override
    protected void writeModel(ArtifactWriter out) throws IOException {
        out.putMeta("vector_size", dim);
        out.putFloats("item_vectors", itemVectors, data.items().size(), dim);
        out.putFloats("user_vectors", userVectors, data.users().size(), dim);
    }
}
