package io.recsyslite.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a Spark trainer hands back: the model to save, and what the top-k job needs to score every
 * user the way the embedded model does (user query vectors on the cluster, item vectors on the driver).
 * Driver-side only; not thread-safe (it holds a live Dataset).
 *
 * @param model        the exportable model
 * @param userVectors  columns {@code u} (dense user int) and {@code v} (array of float, length {@code dim})
 * @param itemVectors  items x dim, row-major, aligned with the model's item ids
 * @param dim          vector length
 * @param cosine       whether scores are cosine similarities (else inner products)
 * @param seed         the random seed of training, for the provenance
 */
public record SparkModel(ExportedModel model, Dataset<Row> userVectors, float[] itemVectors, int dim, boolean cosine,
                         long seed) {
}
