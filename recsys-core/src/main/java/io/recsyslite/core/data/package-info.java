/**
 * The data structures trainers and models share, all on dense ints. {@link IdIndex} maps external
 * string ids to {@code 0..n-1} and back; map ids once, at the edge. {@link TrainingData} is what a
 * trainer gets: user and item ids, the {@link Interactions} confidence matrix (a {@link CsrMatrix}
 * and its transpose), per-user time-ordered {@link Sequences} and {@link ItemMetadata}. It is built
 * by {@link TrainingData#build} from {@link EventColumns} with a {@link ConfidenceWeighting} (how a
 * quantity counts, optional time decay); {@link InteractionsBuilder} does the work. Events and
 * matrices are primitive arrays with no object per event. Everything is immutable once built and
 * may be shared between threads, except {@link EventColumns}, which is filled by one thread.
 */
package io.recsyslite.core.data;
