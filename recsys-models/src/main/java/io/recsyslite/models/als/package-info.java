/**
 * Implicit-feedback ALS (Hu, Koren and Volinsky 2008), algorithm {@code "als"}: {@link AlsProvider}.
 * Each half-iteration solves all users, then all items, on the trainer's own pool of
 * {@code TrainingContext.threads()} threads, by a few warm-started conjugate-gradient steps
 * (default) or an exact Cholesky solve ({@code solver=cholesky}, ojAlgo). Parameters:
 * {@code factors, regularization, alpha, iterations, cg_steps, solver}. The model class is
 * package-private and used through the core {@code Recommender} API: immutable, thread-safe, an
 * {@code EmbeddingModel} (servable through an item index) and a {@code FoldIn}, where new or
 * changed users get the exact least-squares vector against the fixed item factors.
 */
package io.recsyslite.models.als;
