/**
 * A LightFM-style hybrid (Kula 2015), algorithm {@code "lightfm"}: {@link LightFmProvider}. An item
 * is the sum of the embeddings of its id, category, brand, price bucket and extra catalogue
 * columns, so items without interactions are still recommended from their metadata (cold start).
 * WARP (default) or BPR loss with Adagrad, by Hogwild threads; deterministic with one thread and a
 * fixed seed. The model class is package-private and used through the core {@code Recommender}
 * API: immutable, thread-safe, an {@code EmbeddingModel} (the item bias rides along as one extra
 * dimension, so an inner-product index reproduces the scores) and a {@code FoldIn} that fits new
 * or changed users against the frozen item features.
 */
package io.recsyslite.models.lightfm;
