/**
 * The data structures trainers and models share, all on dense ints. {@link IdIndex} maps external
 * string ids to {@code 0..n-1} and back; map ids once, at the edge. {@link TrainingData} is what a
 * trainer gets: user and item ids, the {@link Interactions} confidence matrix (a {@link CsrMatrix}
 * and its transpose), per-user time-ordered {@link Sequences} and {@link ItemMetadata}, weighted by
 * a {@link ConfidenceWeighting} (how a quantity counts, event-type weights, optional time decay).
 * The store builds it (in {@code io.recsyslite.core.internal.data}). Matrices are primitive arrays
 * with no object per event; everything is immutable and may be shared between threads.
 */
package io.recsyslite.core.data;
