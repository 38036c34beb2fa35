package io.recsyslite.models.common;

import io.recsyslite.core.artifact.ArtifactReader;
import io.recsyslite.core.artifact.ArtifactWriter;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.index.Metric;
import io.recsyslite.core.spi.EmbeddingModel;
import io.recsyslite.core.spi.ExplainingRecommender;
import io.recsyslite.core.spi.FoldIn;
import io.recsyslite.core.spi.FoldInUsers;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A matrix-factorisation model: score = user vector . item vector, over flat row-major float32
 * factor arrays. Subclasses say how a user vector is computed from interactions with the item
 * vectors held fixed (fold-in, anonymous queries). A history item's contribution to an explanation
 * is by default the cosine of its vector with the recommended item's (embedding similarity, as for
 * BPR). Immutable and thread-safe; fold-in returns a new model sharing the item factors.
 */
public abstract class FactorModel extends ExplainingRecommender implements EmbeddingModel, FoldIn {
    protected final int dim;
    protected final float[] userFactors;
    protected final float[] itemFactors;
    private final float[] itemNorms;

    protected FactorModel(String algorithm, Params params, ModelData data, int dim, float[] userFactors,
                          float[] itemFactors) {
        super(algorithm, params, data);
        if (userFactors.length != data.users().size() * dim || itemFactors.length != data.items().size() * dim) {
            throw new IllegalArgumentException("factor arrays do not match " + data.users().size() + " users, "
                    + data.items().size() + " items x " + dim);
        }
        this.dim = dim;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.itemNorms = Vectors.rowNorms(itemFactors, dim);
    }

    /** The user vector that fits these interactions (sorted distinct items) with item factors fixed. */
    protected abstract float[] solveUser(int[] items, float[] values);

    /** The same model type over other users (after a fold-in); item factors are shared. */
    protected abstract FactorModel withUsers(ModelData data, float[] userFactors);

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public Metric metric() {
        return Metric.INNER_PRODUCT;
    }

    @Override
    public float[] itemVectors() {
        return itemFactors.clone();
    }

    @Override
    public float[] userVector(int user) {
        checkUser(user);
        return Arrays.copyOfRange(userFactors, user * dim, (user + 1) * dim);
    }

    @Override
    public float[] queryFor(int[] recentItems) {
        for (int item : recentItems) {
            checkItem(item);
        }
        int[] items = Vectors.sortedDistinct(recentItems);
        float[] ones = new float[items.length];
        Arrays.fill(ones, 1f);
        return solveUser(items, ones);
    }

    @Override
    public Recommender foldIn(List<String> userIds, CsrMatrix rows) {
        FoldInUsers merged = FoldInUsers.merge(data, userIds, rows);
        float[] users = Arrays.copyOf(userFactors, merged.data().users().size() * dim);
        for (int r = 0; r < merged.users().length; r++) {
            System.arraycopy(solveUser(rows, r), 0, users, merged.users()[r] * dim, dim);
        }
        return withUsers(merged.data(), users);
    }

    /** The user alone: the item factors are shared, no other user is copied. */
    @Override
    public Recommender foldInAlone(String userId, CsrMatrix row) {
        if (row.rows() != 1 || row.cols() != data.items().size()) {
            throw new InvalidParameterException("fold-in of one user needs 1 row over " + data.items().size()
                    + " items, got " + row.rows() + " x " + row.cols());
        }
        return withUsers(new ModelData(IdIndex.of(List.of(userId)), data.items(), row), solveUser(row, 0));
    }

    private float[] solveUser(CsrMatrix rows, int r) {
        float[] values = new float[rows.rowLength(r)];
        for (int p = rows.start(r); p < rows.end(r); p++) {
            values[p - rows.start(r)] = rows.value(p);
        }
        return solveUser(rows.rowIndices(r), values);
    }

    @Override
    protected void scoreUser(int user, float[] scores) {
        Vectors.dotAll(itemFactors, dim, userVector(user), scores);
    }

    @Override
    protected void scoreRecent(int[] recentItems, float[] scores) {
        Vectors.dotAll(itemFactors, dim, queryFor(recentItems), scores);
    }

    /** Cosine similarity of item vectors. */
    @Override
    protected void scoreSimilar(int item, float[] scores) {
        Vectors.dotAll(itemFactors, dim, Arrays.copyOfRange(itemFactors, item * dim, (item + 1) * dim), scores);
        float norm = itemNorms[item];
        for (int j = 0; j < scores.length; j++) {
            float d = norm * itemNorms[j];
            scores[j] = d > 0 ? scores[j] / d : 0f;
        }
    }

    @Override
    protected void contributions(int[] history, float[] confidences, int item, float[] out) {
        Vectors.cosineToRow(itemFactors, itemNorms, dim, history, item, out);
    }

    @Override
    protected void writeModel(ArtifactWriter out) throws IOException {
        out.putMeta("dim", dim);
        out.putUserFloats("user_factors", userFactors, data.users().size(), dim);
        out.putFloats("item_factors", itemFactors, data.items().size(), dim);
    }

    /** The factors saved by {@link #writeModel}, checked against the model data's sizes. */
    public record Factors(int dim, float[] users, float[] items) {
        public static Factors read(ArtifactReader in, ModelData data) throws IOException {
            int dim = in.meta("dim").asInt();
            return new Factors(dim, in.floats("user_factors", data.users().size(), dim),
                    in.floats("item_factors", data.items().size(), dim));
        }
    }
}
