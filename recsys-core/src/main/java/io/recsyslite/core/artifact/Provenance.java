package io.recsyslite.core.artifact;

import java.util.Map;

/**
 * Where a model came from: evaluation metrics, a fingerprint of its training data, and the seed.
 *
 * @param metrics         metric name -> value, e.g. "ndcg@10" (may be empty)
 * @param dataFingerprint a hash of the training data (may be empty)
 * @param seed            random seed used for training
 */
public record Provenance(Map<String, Double> metrics, String dataFingerprint, long seed) {
    public Provenance {
        metrics = Map.copyOf(metrics);
        dataFingerprint = dataFingerprint == null ? "" : dataFingerprint;
    }

    public static Provenance none() {
        return new Provenance(Map.of(), "", 0);
    }
}
