package io.recsyslite.models.lightfm;

import io.recsyslite.core.artifact.ArtifactWriter;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.IdIndex;
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
import java.util.stream.IntStream;

/**
 * A trained hybrid model. The score of item i for user u is {@code p_u . q_i + b_i}, where q_i and
 * b_i sum the embeddings and biases of the item's features. As an {@link EmbeddingModel} the bias
 * rides along as an extra dimension (item vector {@code [q_i, b_i]}, query {@code [p_u, 1]}), so an
 * inner-product index reproduces the scores. An anonymous query is the mean representation of the
 * recent items. Items without any feature (no metadata, no interactions) have no representation; their
 * bias is {@value #UNREPRESENTED_BIAS} so they rank below every represented item. A fold-in fits the
 * given users' embeddings with {@code fold_in_epochs} epochs of the training loss (WARP or BPR) against
 * the frozen item features, which the new model shares. An explanation names the user's items whose
 * representations (sums of their feature embeddings, so items alike in metadata lie near each other)
 * have the largest inner product with the recommended item's: each one's term in the score of the
 * anonymous query, which is their mean. Immutable and thread-safe.
 */
final class LightFmModel extends ExplainingRecommender implements EmbeddingModel, FoldIn {
    static final float UNREPRESENTED_BIAS = -1e9f;

    private final LightFmParameters learned;
    private final IdIndex featureNames;
    private final int dim;
    /** items x (dim + 1): representation and bias. */
    private final float[] itemVectors;
    /** Norms of the representations (bias excluded), for similarItems. */
    private final float[] itemNorms;
    private final float[] itemEmbeddings;

    LightFmModel(Params params, ModelData data, LightFmParameters learned, IdIndex featureNames) {
        super(LightFmProvider.NAME, params, data);
        this.learned = learned;
        this.featureNames = featureNames;
        this.dim = learned.dim();
        this.itemEmbeddings = learned.itemEmbeddings();
        this.itemNorms = Vectors.rowNorms(itemEmbeddings, dim);
        float[] biases = learned.itemBiases();
        int items = data.items().size();
        this.itemVectors = new float[items * (dim + 1)];
        for (int i = 0; i < items; i++) {
            System.arraycopy(itemEmbeddings, i * dim, itemVectors, i * (dim + 1), dim);
            boolean represented = learned.itemFeatures().rowLength(i) > 0;
            itemVectors[i * (dim + 1) + dim] = represented ? biases[i] : UNREPRESENTED_BIAS;
        }
    }

    @Override
    protected void scoreUser(int user, float[] scores) {
        Vectors.dotAll(itemVectors, dim + 1, userVector(user), scores);
    }

    @Override
    protected void scoreRecent(int[] recentItems, float[] scores) {
        Vectors.dotAll(itemVectors, dim + 1, queryFor(recentItems), scores);
    }

    @Override
    protected void scoreSimilar(int item, float[] scores) {
        Vectors.cosineAll(itemEmbeddings, itemNorms, dim, Vectors.row(itemEmbeddings, dim, item), scores);
    }

    @Override
    protected void contributions(int[] history, float[] confidences, int item, float[] out) {
        for (int h = 0; h < history.length; h++) {
            out[h] = Vectors.dot(itemEmbeddings, history[h] * dim, itemEmbeddings, item * dim, dim);
        }
    }

    @Override
    public int dim() {
        return dim + 1;
    }

    @Override
    public Metric metric() {
        return Metric.INNER_PRODUCT;
    }

    @Override
    public float[] itemVectors() {
        return itemVectors.clone();
    }

    @Override
    public float[] userVector(int user) {
        checkUser(user);
        float[] q = new float[dim + 1];
        System.arraycopy(learned.userEmbeddings(), user * dim, q, 0, dim);
        q[dim] = 1f;
        return q;
    }

    @Override
    public float[] queryFor(int[] recentItems) {
        for (int item : recentItems) {
            checkItem(item);
        }
        float[] mean = Vectors.recencyWeightedMean(itemEmbeddings, dim, recentItems, recentItems.length, 1.0);
        float[] q = new float[dim + 1];
        System.arraycopy(mean, 0, q, 0, dim);
        q[dim] = 1f;
        return q;
    }

    @Override
    public Recommender foldIn(List<String> userIds, CsrMatrix rows) {
        FoldInUsers merged = FoldInUsers.merge(data, userIds, rows);
        float[] fitted = LightFmTrainer.fitUsers(LightFmProvider.settings(params()), learned, rows, warmItems(),
                params().getInt(LightFmProvider.FOLD_IN_EPOCHS, 0));
        float[] users = Arrays.copyOf(learned.userEmbeddings(), merged.data().users().size() * dim);
        for (int r = 0; r < merged.users().length; r++) {
            System.arraycopy(fitted, r * dim, users, merged.users()[r] * dim, dim);
        }
        LightFmParameters updated = new LightFmParameters(dim, learned.featureEmbeddings(), learned.featureBiases(),
                users, learned.itemFeatures());
        return new LightFmModel(params(), merged.data(), updated, featureNames);
    }

    /** Items that carry their own id feature, i.e. had training interactions. */
    private int[] warmItems() {
        CsrMatrix features = learned.itemFeatures();
        return IntStream.range(0, features.rows()).filter(i -> features.contains(i, i)).toArray();
    }

    @Override
    protected void writeModel(ArtifactWriter out) throws IOException {
        int features = featureNames.size();
        out.putMeta("no_components", dim);
        out.putIds("features", featureNames);
        out.putFloats("feature_embeddings", learned.featureEmbeddings(), features, dim);
        out.putFloats("feature_biases", learned.featureBiases());
        out.putUserFloats("user_embeddings", learned.userEmbeddings(), data.users().size(), dim);
        out.putCsr("item_features", learned.itemFeatures());
    }
}
