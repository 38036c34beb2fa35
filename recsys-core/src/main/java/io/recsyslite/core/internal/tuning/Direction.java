package io.recsyslite.core.internal.tuning;

/** Whether a study looks for the largest (e.g. ndcg@20) or the smallest (e.g. a loss) value. */
public enum Direction {
    MAXIMIZE, MINIMIZE;

    /** True when {@code a} is strictly better than {@code b}. */
    public boolean better(double a, double b) {
        return this == MAXIMIZE ? a > b : a < b;
    }

    /** The value as a loss (smaller is better), as the samplers and pruners rank trials. */
    double loss(double value) {
        return this == MAXIMIZE ? -value : value;
    }
}
