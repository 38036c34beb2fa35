package io.recsyslite.core.spi;

import java.util.function.Supplier;

/**
 * Told by iterative trainers after each epoch/iteration. A tuner evaluates the current model here
 * and may stop a hopeless trial by throwing {@link TrialPrunedException}. Trainers only build the
 * snapshot when the listener asks for it.
 */
@FunctionalInterface
public interface EpochListener {
    EpochListener NONE = (epoch, model) -> { };

    /** @param epoch 1-based epoch just finished */
    void epochEnded(int epoch, Supplier<Recommender> model);
}
