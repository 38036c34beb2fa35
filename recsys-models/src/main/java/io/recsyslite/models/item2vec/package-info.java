/**
 * Item2Vec (Barkan and Koenigstein 2016), algorithm {@code "item2vec"}: {@link Item2VecProvider}.
 * Skip-gram with negative sampling over each user's time-ordered items, trained in plain Java by
 * Hogwild threads on the trainer's own pool (deterministic with one thread and a fixed seed). A
 * user or session is the recency-weighted mean of its last {@code recent_items} item vectors, and
 * items rank by cosine; an item seen fewer than {@code min_count} times in training has a zero
 * vector and never ranks above one that has a vector. The model class is package-private and used
 * through the core {@code Recommender} API: immutable, thread-safe, an {@code EmbeddingModel} and
 * a {@code FoldIn}.
 */
package io.recsyslite.models.item2vec;
