package io.recsyslite.core.data;

import io.recsyslite.core.error.InvalidParameterException;
import java.util.Map;
import java.util.TreeMap;

/**
 * How events turn into confidence values. Each event contributes
 * {@code quantityTerm(qty) * typeWeight(event_type) * 0.5^(age / halfLife)}, and the contributions
 * of a user-item pair are summed. With {@link Quantity#BINARY} the pair's confidence is 1 however
 * often it occurred. An event without a type, or of a type not in the map, has type weight 1, so
 * data without event types is weighted as before types existed. Recorded in a model's
 * {@code model.json}, so fold-in and retraining weight events as the model was trained.
 *
 * @param quantity         how the event's quantity counts
 * @param halfLifeSeconds  time decay half life, or 0 for no decay
 * @param referenceTime    the "now" ages are measured from (unix seconds); ignored without decay,
 *                         and when 0 the newest event's time is used
 * @param eventTypeWeights event type (lower case) -> weight, each positive and finite
 */
public record ConfidenceWeighting(Quantity quantity, long halfLifeSeconds, long referenceTime,
                                  Map<String, Double> eventTypeWeights) {
    /**
     * A purchase is the reference signal (weight 1, as every event counted before event types);
     * weaker signals count less.
     */
    public static final Map<String, Double> DEFAULT_EVENT_TYPE_WEIGHTS =
            Map.of("view", 0.1, "click", 0.25, "add_to_cart", 0.5, "purchase", 1.0);

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
        eventTypeWeights.forEach((type, weight) -> {
            if (!(weight > 0) || weight.isInfinite()) {
                throw new InvalidParameterException("the weight of event type '" + type
                        + "' must be a positive number, was " + weight);
            }
        });
        eventTypeWeights = Map.copyOf(new TreeMap<>(eventTypeWeights));
    }

    /** With the {@link #DEFAULT_EVENT_TYPE_WEIGHTS}. */
    public ConfidenceWeighting(Quantity quantity, long halfLifeSeconds, long referenceTime) {
        this(quantity, halfLifeSeconds, referenceTime, DEFAULT_EVENT_TYPE_WEIGHTS);
    }

    /** Each event counts its quantity, no time decay. */
    public static ConfidenceWeighting byQuantity() {
        return new ConfidenceWeighting(Quantity.QTY, 0, 0);
    }

    public static ConfidenceWeighting binary() {
        return new ConfidenceWeighting(Quantity.BINARY, 0, 0);
    }

    public ConfidenceWeighting withHalfLife(long seconds, long reference) {
        return new ConfidenceWeighting(quantity, seconds, reference, eventTypeWeights);
    }

    public ConfidenceWeighting withEventTypeWeights(Map<String, Double> weights) {
        return new ConfidenceWeighting(quantity, halfLifeSeconds, referenceTime, weights);
    }

    /** The weight of an event type; 1 for no type (null) and for types not in the map. */
    public float typeWeight(String eventType) {
        return eventType == null ? 1f : eventTypeWeights.getOrDefault(eventType, 1.0).floatValue();
    }

    /**
     * One event's contribution to its user-item pair's confidence (before {@link Quantity#BINARY}
     * caps the pair at 1): {@code quantityTerm(qty) * typeWeight * 0.5^(age / halfLife)}, the age
     * measured from {@code reference} (unix seconds).
     */
    public double contribution(float qty, float typeWeight, long ts, long reference) {
        return quantityTerm(qty) * typeWeight * decay(ts, reference);
    }

    private double quantityTerm(float qty) {
        return switch (quantity) {
            case BINARY, COUNT -> 1.0;
            case QTY -> qty;
            case LOG_QTY -> Math.log1p(qty);
        };
    }

    private double decay(long ts, long reference) {
        if (halfLifeSeconds == 0) {
            return 1.0;
        }
        double age = Math.max(0, reference - ts);
        return Math.pow(0.5, age / halfLifeSeconds);
    }
}
