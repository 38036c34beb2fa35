package io.recsyslite.core.artifact;

import io.recsyslite.core.data.ConfidenceWeighting;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Where a model came from: evaluation metrics, a fingerprint of its training data, the seed, and
 * when the training data was read from the store.
 *
 * @param metrics         metric name -> value, e.g. "ndcg@10" (may be empty)
 * @param dataFingerprint a hash of the training data (may be empty)
 * @param seed            random seed used for training
 * @param dataReadAt      when the training data was read from the store (ISO-8601, the store's
 *                        clock), or empty when unknown (e.g. trained from files by the Spark job).
 *                        GDPR: a user deleted at or after this time is scrubbed before the model is
 *                        served; with no time, every user ever deleted is.
 * @param weighting       how events became the training confidences, so that fold-in and
 *                        retraining weight new events the same way; empty when unknown (models
 *                        saved before it was recorded, or trained outside the store)
 */
public record Provenance(Map<String, Double> metrics, String dataFingerprint, long seed, String dataReadAt,
                         Optional<ConfidenceWeighting> weighting) {
    public Provenance {
        metrics = Map.copyOf(metrics);
        dataFingerprint = dataFingerprint == null ? "" : dataFingerprint;
        dataReadAt = dataReadAt == null ? "" : dataReadAt;
    }

    /** A provenance that does not know its weighting. */
    public Provenance(Map<String, Double> metrics, String dataFingerprint, long seed, String dataReadAt) {
        this(metrics, dataFingerprint, seed, dataReadAt, Optional.empty());
    }

    /** A provenance that does not know when its data was read. */
    public Provenance(Map<String, Double> metrics, String dataFingerprint, long seed) {
        this(metrics, dataFingerprint, seed, "");
    }

    public static Provenance none() {
        return new Provenance(Map.of(), "", 0);
    }

    /** {@link #dataReadAt()} as an instant, when known. */
    public Optional<Instant> dataReadInstant() {
        try {
            return dataReadAt.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(dataReadAt));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
