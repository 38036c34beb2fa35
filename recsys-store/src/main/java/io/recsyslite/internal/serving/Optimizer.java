package io.recsyslite.internal.serving;

import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.core.artifact.Provenance;
import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.error.InvalidDataException;
import io.recsyslite.core.internal.eval.Evaluator;
import io.recsyslite.core.internal.eval.RankingMetric;
import io.recsyslite.core.internal.eval.Split;
import io.recsyslite.core.internal.eval.Splitter;
import io.recsyslite.core.internal.tuning.RecommenderTuner;
import io.recsyslite.core.internal.tuning.TrialStorage;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.internal.store.StoreAccess;
import io.recsyslite.internal.tuning.DuckDbTrialStorage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tunes an algorithm on the store's data without leaking the test split: each user's last event
 * is the test set, touched once for the best parameters; the last 20% of each user's remaining
 * events ({@link #VALIDATION}) are the validation set every trial is scored on. Trials are kept in
 * the store's {@code tuning_trials} table (so a killed study resumes); {@code best_params.json},
 * {@code trials.csv} and the best model (refitted on all training data) go to the output
 * directory. Stateless.
 */
public final class Optimizer {
    /** Subdirectory of the output directory holding the best model. */
    public static final String MODEL_SUBDIR = "model";
    /**
     * The validation split carved from the training part: each user's last 20% of events (at least
     * one). Like the test split it asks for the next items, but with several held-out items per
     * active user the validation metric is less noisy than with only the last one (see
     * benchmarks/tuning/RESULTS.md), so the sampler can tell good parameters apart.
     */
    public static final Splitter VALIDATION = Splitter.leaveLastFraction(0.2);

    private static final Logger LOG = LoggerFactory.getLogger(Optimizer.class);

    private final Algorithms algorithms;

    public Optimizer(Algorithms algorithms) {
        this.algorithms = algorithms;
    }

    /**
     * Tunes as {@code request} says on the store file {@code db}. For an {@linkplain
     * OptimizeRequest#auto auto} request, {@link AutoSelection} first chooses among the candidates
     * (default parameters, within the budget) on the training part, so the test split stays
     * untouched, then the winner is tuned; the best model's model.json records the choice.
     */
    public RecommenderTuner.Result optimize(Path db, OptimizeRequest request) throws IOException {
        return optimize(StoreAccess.of(db), request);
    }

    /** As {@link #optimize(Path, OptimizeRequest)}, reaching the store through {@code store}. */
    public RecommenderTuner.Result optimize(StoreAccess store, OptimizeRequest request) throws IOException {
        String metric = request.metric();
        TrainingContext context = request.context();
        ConfidenceWeighting weighting = request.weighting();
        Path outputDir = request.outputDir();
        List<String> candidates = request.isAuto() ? request.candidates() : List.of(request.algorithm());
        RankingMetric.parse(metric); // fail early on a bad metric name
        candidates.forEach(algorithms::get);
        Trainer.Snapshot snapshot = store.withStore(s -> Trainer.Snapshot.read(s, weighting, context));
        TrainingData data = snapshot.data();
        String fingerprint = snapshot.fingerprint();
        Instant readAt = snapshot.readAt();
        Split outer = Splitter.leaveLastOut(1).split(data);
        if (outer.validation(VALIDATION).numTestUsers() == 0) {
            throw new InvalidDataException("The store has too little history to tune on: no user has"
                    + " the 3 or more events a training, a validation and a test item need");
        }
        Map<String, Object> selection = Map.of();
        String algorithm = candidates.get(0);
        if (request.isAuto()) {
            AutoSelection.Choice choice = new AutoSelection(algorithms).choose(outer.train(), candidates, metric,
                    request.budget(), context);
            algorithm = choice.algorithm();
            selection = choice.asMap();
            LOG.info("auto: {}; tuning it", choice.reason());
        }
        Map<String, Object> chosen = selection;
        RecommenderTuner.Result result;
        try (TrialStorage storage = DuckDbTrialStorage.inStore(store)) {
            result = RecommenderTuner.builder(algorithms.get(algorithm), metric)
                    .splitter(train -> {
                        Split inner = VALIDATION.split(train);
                        return new RecommenderTuner.Holdout(inner.train(), m -> score(m, inner, metric, context));
                    })
                    .testMetric(m -> score(m, outer, metric, context))
                    .trials(request.trials()).seed(context.seed()).threads(context.threads())
                    .storage(storage).resume(request.resume()).progress(context.progress())
                    .fixedParams(request.fixedParams())
                    .outputDir(outputDir)
                    .bestModelSink((model, best, metrics) -> ModelArtifacts.save(model, outputDir.resolve(MODEL_SUBDIR),
                            new Provenance(metrics, fingerprint, context.seed(), readAt.toString(),
                                    Optional.of(weighting), chosen)))
                    .build()
                    .tune(outer.train());
        }
        String tuned = algorithm;
        store.withStore(s -> {
            s.audit("tuner", "optimize", tuned, "metric=" + metric + " trials=" + request.trials()
                    + " best=" + result.best().value() + " output=" + outputDir);
            return null;
        });
        return result;
    }

    private static double score(Recommender model, Split split, String metric, TrainingContext context) {
        return Evaluator.of(context.threads(), List.of(metric)).evaluate(model, split).get(metric);
    }
}
