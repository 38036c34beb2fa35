/**
 * Offline evaluation with full ranking over the catalogue. A {@link Splitter}
 * ({@code leaveLastOut}, {@code leaveLastFraction}, {@code randomHoldout}, {@code timeCutoff}; all
 * deterministic) turns training data into a {@link Split}; fit a model on {@code split.train()}
 * and score it with an {@link Evaluator} built from metric names such as {@code "ndcg@20"}
 * ({@link RankingMetric}: HR, NDCG, Recall, Precision, MAP, MRR, coverage), which returns an
 * {@link EvaluationReport}. {@link SequenceEvaluator} measures next-item prediction from a user's
 * earlier items; {@link BenchmarkProtocol} is the fixed leave-last-out protocol of the quality
 * report. Evaluators are immutable and thread-safe; each call spreads users over its own pool of
 * {@code threads} threads (never the common pool), in fixed chunks, so results do not depend on
 * the thread count. Used by the trainer, the tuner and the benchmarks; not part of the API (names
 * and signatures may change in any release).
 */
package io.recsyslite.core.internal.eval;
