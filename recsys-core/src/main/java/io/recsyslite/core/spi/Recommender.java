package io.recsyslite.core.spi;

import io.recsyslite.core.artifact.ArtifactWriter;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.rank.ScoredItems;
import java.io.IOException;

/**
 * A trained model. Immutable after training and safe to call from many threads at once. Users and
 * items are dense ints of {@link #users()} and {@link #items()}; map external ids at the edge.
 * Optional capabilities are separate interfaces a model may implement ({@link EmbeddingModel},
 * {@link FoldIn}, {@link Explainer}).
 */
public interface Recommender {
    /** The provider name, e.g. "als". */
    String algorithm();

    Params params();

    IdIndex users();

    IdIndex items();

    /** Top items for a known user; {@code excludeSeen} drops the user's training items. */
    ScoredItems recommend(int user, RecommendRequest request);

    /**
     * Top items for an anonymous or session user described by recently interacted items, newest
     * last; {@code excludeSeen} drops those items.
     */
    ScoredItems recommendFor(int[] recentItems, RecommendRequest request);

    /** Items most similar to {@code item}, never the item itself. */
    ScoredItems similarItems(int item, RecommendRequest request);

    /** Writes the model's files into an artifact being saved; see {@code ModelArtifacts.save}. */
    void writeTo(ArtifactWriter out) throws IOException;
}
