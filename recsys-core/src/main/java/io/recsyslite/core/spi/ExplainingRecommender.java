package io.recsyslite.core.spi;

import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.rank.ScoredItems;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Base for scoring models whose explanation is a contribution of each history item: a known
 * user's history is their training items with their confidences, recent items count once each
 * (confidence 1), as in {@link #scoreRecent}. Subclasses say what one history item contributes.
 */
public abstract class ExplainingRecommender extends ScoringRecommender implements Explainer {

    protected ExplainingRecommender(String algorithm, Params params, ModelData data) {
        super(algorithm, params, data);
    }

    /**
     * Fills {@code out[h]} with what history item {@code history[h]}, at confidence
     * {@code confidences[h]}, contributes to {@code item}'s score for this history (distinct,
     * ascending items; all valid ints).
     */
    protected abstract void contributions(int[] history, float[] confidences, int item, float[] out);

    @Override
    public final ScoredItems explain(int user, int item, int topN) {
        checkUser(user);
        checkItem(item);
        CsrMatrix seen = data.seen();
        float[] confidences = new float[seen.rowLength(user)];
        for (int p = seen.start(user); p < seen.end(user); p++) {
            confidences[p - seen.start(user)] = seen.value(p);
        }
        return reasons(seen.rowIndices(user), confidences, item, topN);
    }

    @Override
    public final ScoredItems explainFor(int[] recentItems, int item, int topN) {
        for (int recent : recentItems) {
            checkItem(recent);
        }
        checkItem(item);
        int[] history = IntStream.of(recentItems).distinct().sorted().toArray();
        float[] ones = new float[history.length];
        Arrays.fill(ones, 1f);
        return reasons(history, ones, item, topN);
    }

    private ScoredItems reasons(int[] history, float[] confidences, int item, int topN) {
        float[] contributions = new float[history.length];
        if (history.length > 0) {
            contributions(history, confidences, item, contributions);
        }
        return Explainer.strongest(history, contributions, item, topN);
    }
}
