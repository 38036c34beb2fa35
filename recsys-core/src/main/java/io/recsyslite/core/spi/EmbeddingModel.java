package io.recsyslite.core.spi;

import io.recsyslite.core.index.Metric;

/**
 * A model whose scores are a similarity between a query vector and item vectors, so an
 * {@code ItemIndex} (exact or approximate) can serve it.
 */
public interface EmbeddingModel extends Recommender {
    int dim();

    /** How query and item vectors compare. */
    Metric metric();

    /** Item vectors, row-major {@code items().size() x dim()} (a copy). */
    float[] itemVectors();

    /** The query vector for a known user (a copy). */
    float[] userVector(int user);

    /** The query vector for a set of recent items, newest last. */
    float[] queryFor(int[] recentItems);

    /** The user's training items, to exclude them when an index serves the model. */
    int[] seenItems(int user);
}
