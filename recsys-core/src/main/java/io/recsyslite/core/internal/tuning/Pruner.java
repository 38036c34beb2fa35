package io.recsyslite.core.internal.tuning;

import java.util.List;
import java.util.SortedMap;

/** Decides whether a running trial is hopeless, from its intermediate values and the finished trials. */
@FunctionalInterface
public interface Pruner {
    /** Never prunes. */
    Pruner NONE = (step, intermediate, finished, direction) -> false;

    /**
     * @param step         the step just reported
     * @param intermediate the running trial's values so far, including {@code step}
     * @param finished     the study's finished trials, oldest first
     */
    boolean shouldPrune(int step, SortedMap<Integer, Double> intermediate, List<Trial> finished, Direction direction);
}
