package io.recsyslite.models.ease;

import io.recsyslite.core.artifact.ArtifactWriter;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.spi.FoldIn;
import io.recsyslite.core.spi.FoldInUsers;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.ExplainingRecommender;
import io.recsyslite.models.common.Vectors;
import java.io.IOException;
import java.util.List;

/**
 * A trained EASE model: the dense item x item weight matrix {@code B} (row-major float32, zero
 * diagonal). A user's scores are {@code x_u B}, i.e. the sum of the rows of B of the user's items
 * weighted by confidence; each item's term explains the score. Immutable and thread-safe.
 */
final class EaseModel extends ExplainingRecommender implements FoldIn {
    private final float[] weights;
    private final int n;

    EaseModel(Params params, ModelData data, float[] weights) {
        super(EaseProvider.NAME, params, data);
        this.n = data.items().size();
        if (weights.length != n * n) {
            throw new IllegalArgumentException("EASE weights must be " + n + " x " + n);
        }
        this.weights = weights;
    }

    @Override
    protected void scoreUser(int user, float[] scores) {
        CsrMatrix seen = data.seen();
        for (int p = seen.start(user); p < seen.end(user); p++) {
            addRow(seen.col(p), seen.value(p), scores);
        }
    }

    @Override
    protected void scoreRecent(int[] recentItems, float[] scores) {
        for (int item : Vectors.sortedDistinct(recentItems)) {
            addRow(item, 1f, scores);
        }
    }

    /** Row {@code item} of B: how strongly the item predicts each other item. */
    @Override
    protected void scoreSimilar(int item, float[] scores) {
        System.arraycopy(weights, item * n, scores, 0, n);
    }

    /** The user's item's term of the score: its weight {@code B[j, item]} times the confidence. */
    @Override
    protected void contributions(int[] history, float[] confidences, int item, float[] out) {
        for (int h = 0; h < history.length; h++) {
            out[h] = confidences[h] * weights[history[h] * n + item];
        }
    }

    @Override
    protected void writeModel(ArtifactWriter out) throws IOException {
        out.putFloats("weights", weights, n, n);
    }

    private void addRow(int item, float weight, float[] scores) {
        int o = item * n;
        for (int j = 0; j < n; j++) {
            scores[j] += weight * weights[o + j];
        }
    }

    /** History-based: the users' new interactions are used directly, the item weights stay as trained. */
    @Override
    public Recommender foldIn(List<String> userIds, CsrMatrix rows) {
        return new EaseModel(params(), FoldInUsers.merge(data, userIds, rows).data(), weights);
    }
}
