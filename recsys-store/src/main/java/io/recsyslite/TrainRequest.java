package io.recsyslite;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.internal.serving.AutoSelection;
import io.recsyslite.internal.serving.Trainer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Trainer#train} trains and where it saves the model. Start from {@link #of} (one
 * algorithm) or {@link #auto} (let {@link AutoSelection} choose), then change what differs from the
 * defaults with the {@code with...} methods: no parameter overrides, no held-out measurement,
 * {@link Trainer#DEFAULT_WEIGHTING}, {@link TrainingContext#defaults()}. Immutable.
 *
 * @param algorithm  the algorithm to train; {@link AutoSelection#AUTO} when {@code candidates} choose
 * @param candidates auto: the algorithms to try, cheapest first; empty otherwise
 * @param budget     auto: the time for trying candidates (checked before each fit); null otherwise
 * @param params     parameter overrides (name to value); ignored by auto, which uses each default
 * @param testSize   share of each user's items held out to measure the model beside popularity (0: none)
 * @param weighting  how events become confidences
 * @param output     the model directory to write (replaced in one step)
 * @param context    threads, seed, progress and epoch listeners
 */
public record TrainRequest(String algorithm, List<String> candidates, Duration budget, Map<String, ?> params,
                           double testSize, ConfidenceWeighting weighting, Path output, TrainingContext context) {
    public TrainRequest {
        Objects.requireNonNull(algorithm, "algorithm");
        candidates = List.copyOf(candidates);
        params = Map.copyOf(params);
        Objects.requireNonNull(weighting, "weighting");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(context, "context");
        if (!(testSize >= 0 && testSize < 1)) {
            throw new InvalidParameterException("test size must be in [0, 1), was " + testSize);
        }
        if (algorithm.equals(AutoSelection.AUTO) && (candidates.isEmpty() || budget == null)) {
            throw new InvalidParameterException("auto needs candidate algorithms and a time budget");
        }
    }

    /** Trains {@code algorithm} with its default parameters into {@code output}. */
    public static TrainRequest of(String algorithm, Path output) {
        return new TrainRequest(algorithm, List.of(), null, Map.of(), 0, Trainer.DEFAULT_WEIGHTING, output,
                TrainingContext.defaults());
    }

    /** Lets {@link AutoSelection} choose among {@code candidates} within {@code budget}, then trains the winner. */
    public static TrainRequest auto(List<String> candidates, Duration budget, Path output) {
        return new TrainRequest(AutoSelection.AUTO, candidates, budget, Map.of(), 0, Trainer.DEFAULT_WEIGHTING,
                output, TrainingContext.defaults());
    }

    public boolean isAuto() {
        return algorithm.equals(AutoSelection.AUTO);
    }

    public TrainRequest withParams(Map<String, ?> params) {
        return new TrainRequest(algorithm, candidates, budget, params, testSize, weighting, output, context);
    }

    public TrainRequest withTestSize(double testSize) {
        return new TrainRequest(algorithm, candidates, budget, params, testSize, weighting, output, context);
    }

    public TrainRequest withWeighting(ConfidenceWeighting weighting) {
        return new TrainRequest(algorithm, candidates, budget, params, testSize, weighting, output, context);
    }

    public TrainRequest withContext(TrainingContext context) {
        return new TrainRequest(algorithm, candidates, budget, params, testSize, weighting, output, context);
    }
}
