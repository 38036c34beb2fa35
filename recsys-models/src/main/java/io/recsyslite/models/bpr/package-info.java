/**
 * Bayesian Personalized Ranking (Rendle et al. 2009), algorithm {@code "bpr"}: {@link BprProvider}.
 * Lock-free parallel SGD (Hogwild) on the trainer's own pool; with one thread a run is
 * deterministic for a seed. Parameters: {@code factors, learning_rate, regularization, epochs,
 * fold_in_epochs}. The model class is package-private and used through the core
 * {@code Recommender} API: immutable, thread-safe, an {@code EmbeddingModel} whose vectors carry
 * the item bias as one extra dimension, and a {@code FoldIn}, where new or changed users get
 * {@code fold_in_epochs} SGD passes over their items with the item factors fixed.
 */
package io.recsyslite.models.bpr;
