package io.recsyslite.core.internal.tuning;

import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;

/**
 * Optuna's {@code MedianPruner}: prunes a trial when its best intermediate value so far is worse
 * than the median of the completed trials' values at the same step. Never prunes before
 * {@code nStartupTrials} trials have completed, before step {@code nWarmupSteps}, or at a step no
 * completed trial reached. Immutable and thread-safe.
 */
public final class MedianPruner implements Pruner {
    private final int nStartupTrials;
    private final int nWarmupSteps;

    /** Optuna's defaults: 5 startup trials, no warm-up. */
    public MedianPruner() {
        this(5, 0);
    }

    public MedianPruner(int nStartupTrials, int nWarmupSteps) {
        if (nStartupTrials < 0 || nWarmupSteps < 0) {
            throw new IllegalArgumentException("startup trials and warm-up steps must be >= 0");
        }
        this.nStartupTrials = nStartupTrials;
        this.nWarmupSteps = nWarmupSteps;
    }

    @Override
    public boolean shouldPrune(int step, SortedMap<Integer, Double> intermediate, List<Trial> finished,
                               Direction direction) {
        List<Trial> completed = finished.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
        if (completed.isEmpty() || completed.size() < nStartupTrials || step < nWarmupSteps) {
            return false;
        }
        double best = intermediate.values().stream().filter(v -> !Double.isNaN(v))
                .min((a, b) -> Double.compare(direction.loss(a), direction.loss(b))).orElse(Double.NaN);
        if (Double.isNaN(best)) {
            return true; // only NaN reported: diverged
        }
        double[] atStep = completed.stream().map(t -> t.intermediate().get(step))
                .filter(v -> v != null && !Double.isNaN(v)).mapToDouble(Double::doubleValue).toArray();
        if (atStep.length == 0) {
            return false;
        }
        return direction.better(median(atStep), best);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }
}
