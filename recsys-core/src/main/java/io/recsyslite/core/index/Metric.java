package io.recsyslite.core.index;

/** How a query vector is compared with item vectors. Higher scores are always better. */
public enum Metric {
    /** Score = dot product. */
    INNER_PRODUCT,
    /** Score = cosine similarity (vectors are L2-normalised when the index is built). */
    COSINE,
    /** Score = minus the squared Euclidean distance. */
    L2
}
