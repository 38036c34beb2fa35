/**
 * {@link DenseVectors}: kernels over row-major float matrices (dot products, row norms, cosine
 * scores, recency-weighted means) used by the item2vec, LightFM and GRU4Rec models. Stateless and
 * thread-safe; not part of the API.
 */
package io.recsyslite.models.vectors;
