package io.recsyslite.models.itemknn;

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
 * A trained item-kNN model: each item's top neighbours and their similarities as a sparse CSR
 * (item x item). As in classic item-based CF, a candidate item j is scored from its own
 * neighbourhood: the sum over the user's items i among j's neighbours of
 * {@code confidence(u, i) * sim(i, j)}; each term explains the score. Immutable and thread-safe.
 */
final class ItemKnnModel extends ExplainingRecommender implements FoldIn {
    private final CsrMatrix neighbours;
    /** The transpose of {@code neighbours}: row i lists the items that have i as a neighbour. */
    private final CsrMatrix neighbourOf;

    ItemKnnModel(Params params, ModelData data, CsrMatrix neighbours) {
        super(ItemKnnProvider.NAME, params, data);
        int n = data.items().size();
        if (neighbours.rows() != n || neighbours.cols() != n) {
            throw new IllegalArgumentException("neighbour matrix " + neighbours + " does not match " + n + " items");
        }
        this.neighbours = neighbours;
        this.neighbourOf = neighbours.transpose();
    }

    @Override
    protected void scoreUser(int user, float[] scores) {
        CsrMatrix seen = data.seen();
        for (int p = seen.start(user); p < seen.end(user); p++) {
            addRow(neighbourOf, seen.col(p), seen.value(p), scores);
        }
    }

    @Override
    protected void scoreRecent(int[] recentItems, float[] scores) {
        for (int item : Vectors.sortedDistinct(recentItems)) {
            addRow(neighbourOf, item, 1f, scores);
        }
    }

    /** The item's kept neighbours with their similarity; other items score 0. */
    @Override
    protected void scoreSimilar(int item, float[] scores) {
        addRow(neighbours, item, 1f, scores);
    }

    /** The user's item's term of the score: its similarity as a neighbour of {@code item} times the confidence. */
    @Override
    protected void contributions(int[] history, float[] confidences, int item, float[] out) {
        for (int h = 0; h < history.length; h++) {
            out[h] = confidences[h] * neighbours.get(item, history[h]);
        }
    }

    @Override
    protected void writeModel(ArtifactWriter out) throws IOException {
        out.putCsr("neighbours", neighbours);
    }

    private static void addRow(CsrMatrix m, int item, float weight, float[] scores) {
        for (int p = m.start(item); p < m.end(item); p++) {
            scores[m.col(p)] += weight * m.value(p);
        }
    }

    /** History-based: the users' new interactions are used directly, the neighbourhoods stay as trained. */
    @Override
    public Recommender foldIn(List<String> userIds, CsrMatrix rows) {
        return new ItemKnnModel(params(), FoldInUsers.merge(data, userIds, rows).data(), neighbours);
    }
}
