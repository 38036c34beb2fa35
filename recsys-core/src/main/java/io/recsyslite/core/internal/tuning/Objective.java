package io.recsyslite.core.internal.tuning;

import io.recsyslite.core.spi.Params;

/**
 * What a study optimizes: trains and scores one parameter set. It may report intermediate values
 * (e.g. the validation metric after each epoch) so a {@link Pruner} can stop a hopeless trial;
 * {@link TrialReporter#report} then throws {@link io.recsyslite.core.spi.TrialPrunedException},
 * which the objective lets through.
 */
@FunctionalInterface
public interface Objective {
    /** @return the trial's value; NaN or infinity counts as a failed trial */
    double evaluate(Params params, TrialReporter reporter) throws Exception;
}
