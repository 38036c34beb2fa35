package io.recsyslite.core.spi;

import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.rank.TopK;

/**
 * A model that can say why it recommends an item: the history items that contributed most to the
 * item's score ("because you viewed X, Y"), each with its contribution. What a contribution is
 * depends on the algorithm (an item-item weight times the user's confidence, a cosine in an
 * embedding, ...); larger means it weighed more. Only positive contributions are reasons, and an
 * item is never its own reason. Implementations are immutable and thread-safe like the model.
 */
public interface Explainer {
    /**
     * The reasons for {@code item}'s score in {@link Recommender#recommend} of a known user: at most
     * {@code topN} of the history that recommendation was computed from, strongest first.
     */
    ScoredItems explain(int user, int item, int topN);

    /** The same for {@link Recommender#recommendFor} of these recent items (newest last). */
    ScoredItems explainFor(int[] recentItems, int item, int topN);

    /**
     * The {@code topN} history items with the largest positive contributions, strongest first
     * ({@code item} itself left out): the common last step of every explanation.
     */
    static ScoredItems strongest(int[] history, float[] contributions, int item, int topN) {
        if (topN < 1) {
            throw new IllegalArgumentException("topN must be >= 1, was " + topN);
        }
        TopK top = new TopK(topN);
        for (int h = 0; h < history.length; h++) {
            if (history[h] != item && contributions[h] > 0) {
                top.offer(history[h], contributions[h]);
            }
        }
        return top.drain();
    }
}
