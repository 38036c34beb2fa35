package io.recsyslite.core.spi;

import io.recsyslite.core.error.InvalidParameterException;

/**
 * How to run one training: the number of worker threads the trainer may use (it creates and shuts
 * down its own pool; never the common pool), the random seed, and listeners for progress and
 * epochs. With {@code threads == 1} and a fixed seed, trainers are deterministic.
 */
public record TrainingContext(int threads, long seed, ProgressListener progress, EpochListener epochs) {
    public TrainingContext {
        if (threads < 1) {
            throw new InvalidParameterException("threads must be >= 1, was " + threads);
        }
        progress = progress == null ? ProgressListener.NONE : progress;
        epochs = epochs == null ? EpochListener.NONE : epochs;
    }

    /** All available cores, seed 42, no listeners. */
    public static TrainingContext defaults() {
        return new TrainingContext(Runtime.getRuntime().availableProcessors(), 42L, null, null);
    }

    public static TrainingContext singleThreaded(long seed) {
        return new TrainingContext(1, seed, null, null);
    }

    public TrainingContext withThreads(int n) {
        return new TrainingContext(n, seed, progress, epochs);
    }

    public TrainingContext withSeed(long s) {
        return new TrainingContext(threads, s, progress, epochs);
    }

    public TrainingContext withProgress(ProgressListener p) {
        return new TrainingContext(threads, seed, p, epochs);
    }

    public TrainingContext withEpochs(EpochListener e) {
        return new TrainingContext(threads, seed, progress, e);
    }
}
