package io.recsyslite.core.internal.tuning;

/** Given to an {@link Objective} for one trial; not shared between threads. */
public interface TrialReporter {
    /** Number of the running trial (0-based). */
    int trialNumber();

    /**
     * Records an intermediate value of the running trial and asks the pruner about it.
     *
     * @param step  increasing step, e.g. the 1-based epoch
     * @throws io.recsyslite.core.spi.TrialPrunedException when the trial should stop
     */
    void report(int step, double value);
}
