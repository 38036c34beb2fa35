/**
 * Building blocks shared by the algorithms of this module; not part of the API.
 * {@link FactorModel} is the base of the matrix-factorisation models (score = user vector . item
 * vector; embeddings; fold-in by solving a user vector with the item factors fixed).
 * {@link WorkerPool} is a trainer's own thread pool, never the common pool, running inline and
 * deterministically with one thread; one pool serves one training and is closed after it.
 * {@link Vectors}, {@link PopularitySampler} and {@link Shuffle} are small stateless or immutable
 * kernels that take the caller's random source.
 */
package io.recsyslite.models.common;
