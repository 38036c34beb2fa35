package io.recsyslite.core.spi;

/** Thrown from an {@link EpochListener} to stop a training run that is not worth finishing. */
public final class TrialPrunedException extends RuntimeException {
    public TrialPrunedException(String message) {
        super(message, null, false, false);
    }
}
