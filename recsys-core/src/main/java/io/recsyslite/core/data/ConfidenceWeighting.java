package io.recsyslite.core.data;

import io.recsyslite.core.error.InvalidParameterException;

/**
 * How events turn into confidence values. Each event contributes
 * {@code quantityTerm(qty) * 0.5^(age / halfLife)}, and the contributions of a user-item pair are
 * summed. With {@link Quantity#BINARY} the pair's confidence is 1 however often it occurred.
 *
 * @param quantity        how the event's quantity counts
 * @param halfLifeSeconds time decay half life, or 0 for no decay
 * @param referenceTime   the "now" ages are measured from (unix seconds); ignored without decay,
 *                        and when 0 the newest event's time is used
 */
public record ConfidenceWeighting(Quantity quantity, long halfLifeSeconds, long referenceTime) {
    public enum Quantity {
        /** Every user-item pair counts 1. */
        BINARY,
        /** Each event counts 1 (repeat purchases add up). */
        COUNT,
        /** Each event counts its quantity. */
        QTY,
        /** Each event counts log(1 + quantity). */
        LOG_QTY
    }

    public ConfidenceWeighting {
        if (quantity == null) {
            throw new InvalidParameterException("quantity weighting must be given");
        }
        if (halfLifeSeconds < 0) {
            throw new InvalidParameterException("half life must be >= 0, was " + halfLifeSeconds);
        }
    }

    /** Each event counts its quantity, no time decay. */
    public static ConfidenceWeighting byQuantity() {
        return new ConfidenceWeighting(Quantity.QTY, 0, 0);
    }

    public static ConfidenceWeighting binary() {
        return new ConfidenceWeighting(Quantity.BINARY, 0, 0);
    }

    public ConfidenceWeighting withHalfLife(long seconds, long reference) {
        return new ConfidenceWeighting(quantity, seconds, reference);
    }

    double quantityTerm(float qty) {
        return switch (quantity) {
            case BINARY, COUNT -> 1.0;
            case QTY -> qty;
            case LOG_QTY -> Math.log1p(qty);
        };
    }

    double decay(long ts, long reference) {
        if (halfLifeSeconds == 0) {
            return 1.0;
        }
        double age = Math.max(0, reference - ts);
        return Math.pow(0.5, age / halfLifeSeconds);
    }
}
