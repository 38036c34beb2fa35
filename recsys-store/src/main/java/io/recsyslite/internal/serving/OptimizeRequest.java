package io.recsyslite.internal.serving;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.spi.TrainingContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Optimizer#optimize} tunes and where it writes the study's files and the best model.
 * Start from {@link #of} (one algorithm) or {@link #auto} (let {@link AutoSelection} choose first),
 * then change what differs from the defaults with the {@code with...} methods: a new study (no
 * resume), no fixed parameters, {@link Trainer#DEFAULT_WEIGHTING}, {@link TrainingContext#defaults()}.
 * Immutable.
 *
 * @param algorithm   the algorithm to tune; {@link AutoSelection#AUTO} when {@code candidates} choose
 * @param candidates  auto: the algorithms to try with default parameters, cheapest first; empty otherwise
 * @param budget      auto: the time for trying candidates; null otherwise
 * @param metric      what the study maximises on the validation split, e.g. "ndcg@20"
 * @param trials      trials in the study (a resumed study counts its stored ones)
 * @param resume      continue the study stored in the database instead of starting a new one
 * @param weighting   how events become confidences
 * @param fixedParams parameters held fixed (name to value), not searched
 * @param outputDir   where best_params.json, trials.csv and the best model ({@link Optimizer#MODEL_SUBDIR}) go
 * @param context     threads, seed, progress
 */
public record OptimizeRequest(String algorithm, List<String> candidates, Duration budget, String metric, int trials,
                              boolean resume, ConfidenceWeighting weighting, Map<String, ?> fixedParams,
                              Path outputDir, TrainingContext context) {
    public OptimizeRequest {
        Objects.requireNonNull(algorithm, "algorithm");
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(weighting, "weighting");
        fixedParams = Map.copyOf(fixedParams);
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(context, "context");
        if (trials < 1) {
            throw new InvalidParameterException("a study needs at least 1 trial, was " + trials);
        }
        if (algorithm.equals(AutoSelection.AUTO) && (candidates.isEmpty() || budget == null)) {
            throw new InvalidParameterException("auto needs candidate algorithms and a time budget");
        }
    }

    /** Tunes {@code algorithm} for {@code metric} over {@code trials} trials, writing into {@code outputDir}. */
    public static OptimizeRequest of(String algorithm, String metric, int trials, Path outputDir) {
        return new OptimizeRequest(algorithm, List.of(), null, metric, trials, false, Trainer.DEFAULT_WEIGHTING,
                Map.of(), outputDir, TrainingContext.defaults());
    }

    /** First lets {@link AutoSelection} choose among {@code candidates} within {@code budget}, then tunes the winner. */
    public static OptimizeRequest auto(List<String> candidates, Duration budget, String metric, int trials,
                                       Path outputDir) {
        return new OptimizeRequest(AutoSelection.AUTO, candidates, budget, metric, trials, false,
                Trainer.DEFAULT_WEIGHTING, Map.of(), outputDir, TrainingContext.defaults());
    }

    public boolean isAuto() {
        return algorithm.equals(AutoSelection.AUTO);
    }

    public OptimizeRequest withResume(boolean resume) {
        return new OptimizeRequest(algorithm, candidates, budget, metric, trials, resume, weighting, fixedParams,
                outputDir, context);
    }

    public OptimizeRequest withWeighting(ConfidenceWeighting weighting) {
        return new OptimizeRequest(algorithm, candidates, budget, metric, trials, resume, weighting, fixedParams,
                outputDir, context);
    }

    public OptimizeRequest withFixedParams(Map<String, ?> fixedParams) {
        return new OptimizeRequest(algorithm, candidates, budget, metric, trials, resume, weighting, fixedParams,
                outputDir, context);
    }

    public OptimizeRequest withContext(TrainingContext context) {
        return new OptimizeRequest(algorithm, candidates, budget, metric, trials, resume, weighting, fixedParams,
                outputDir, context);
    }
}
