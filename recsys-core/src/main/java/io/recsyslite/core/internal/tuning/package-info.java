/**
 * Hyperparameter tuning, like Optuna (used by the store's optimizer; not part of the API): a {@link Study} runs trials of an
 * {@link Objective} over an algorithm's
 * {@link io.recsyslite.core.spi.ParamSpace}, with a {@link TpeSampler}
 * (default) or {@link RandomSampler}, a
 * {@link MedianPruner}, and a {@link TrialStorage}
 * ({@code io.recsyslite.internal.tuning.DuckDbTrialStorage} in recsys-store: table {@code tuning_trials}) so a killed
 * study resumes. The study knows nothing about recommenders; {@link
 * RecommenderTuner} is the glue for a
 * {@link io.recsyslite.core.spi.RecommenderProvider}.
 *
 * <h2>Plugging in the evaluation package</h2>
 * The tuner needs two things from evaluation, both plain lambdas:
 * <ol>
 *   <li>a splitter {@code Function<TrainingData, Holdout>}: carves a validation split out of the
 *       training data it is given and returns {@code new Holdout(validationTrain, model ->
 *       score(model, validationHeldOut, "ndcg@20"))}; it is called once per tuning run;</li>
 *   <li>optionally a test metric {@code model -> score(model, testHeldOut, "ndcg@20")}, called once,
 *       on the best parameters refitted on all the training data.</li>
 * </ol>
 * The optimize command then is a few lines (names of the evaluation package are placeholders):
 * <pre>{@code
 * Split outer = Splits.leaveLastOut(all);                  // train / test
 * try (TrialStorage storage = DuckDbTrialStorage.inStore(StoreAccess.of(dbPath))) {
 *     RecommenderTuner.Result r = RecommenderTuner.builder(Algorithms.discover().get("als"), "ndcg@20")
 *         .splitter(train -> {
 *             Split inner = Splits.leaveLastFraction(train, 0.2); // train / validation: last 20%
 *             return new RecommenderTuner.Holdout(inner.train(),
 *                     m -> Evaluator.score(m, inner.test(), "ndcg@20"));
 *         })
 *         .testMetric(m -> Evaluator.score(m, outer.test(), "ndcg@20"))
 *         .trials(20).seed(42).threads(2).storage(storage).resume(resume)
 *         .progress((line, done, total) -> out.println(line))
 *         .outputDir(outputDir)                                  // best_params.json, trials.csv
 *         .bestModelSink((model, best, metrics) -> ModelArtifacts.save(model, outputDir.resolve("model"),
 *                 new Provenance(metrics, fingerprint, 42)))
 *         .build()
 *         .tune(outer.train());
 * }
 * }</pre>
 * Metrics must be "larger is better" (hr@k, ndcg@k, recall@k, map@k). Iterative providers report
 * through {@code TrainingContext.epochs()}; the tuner evaluates the snapshot every
 * {@code reportEvery} epochs and the pruner may stop the trial there.
 */
package io.recsyslite.core.internal.tuning;
