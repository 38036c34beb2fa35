/**
 * How {@link io.recsyslite.core.data.TrainingData} is built: {@link EventColumns} (events as
 * primitive columns, filled by one thread), {@link InteractionsBuilder} (events to the confidence
 * matrix and sequences) and {@link TrainingDataBuilder}. Used by the store's loader, the evaluation
 * splits and the benchmarks; not part of the API (names and signatures may change in any release).
 */
package io.recsyslite.core.internal.data;
