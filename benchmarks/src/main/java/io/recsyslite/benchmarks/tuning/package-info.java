/**
 * How well the TPE sampler tunes; not part of the API. {@link SamplerComparison} races TPE against
 * random search with the same budget on a {@link TuningProblem}: the {@link SyntheticProblems} or,
 * through {@link RecommenderSamplerComparison}, real models on MovieLens 100k or the sample shop.
 * {@link ObjectiveNoise} measures how noisy the validation objective is. Commands are on each
 * class; results are in {@code benchmarks/tuning/RESULTS.md}.
 */
package io.recsyslite.benchmarks.tuning;
