package io.recsyslite.core.internal.tuning;

/** How a finished trial ended. */
public enum TrialState {
    /** The objective returned a finite value. */
    COMPLETE,
    /** Stopped early by the pruner; its value is the last reported intermediate value. */
    PRUNED,
    /** The objective threw, ran out of memory, returned NaN/infinity, or got a bad parameter. */
    FAIL
}
