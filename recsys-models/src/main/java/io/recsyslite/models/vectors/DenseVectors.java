package io.recsyslite.models.vectors;

/**
 * Small kernels over row-major float matrices ({@code rows x dim}) shared by the embedding
 * models. Stateless and thread-safe.
 */
public final class DenseVectors {
    private DenseVectors() {
    }

    public static float dot(float[] a, int aOffset, float[] b, int bOffset, int dim) {
        float s = 0f;
        for (int d = 0; d < dim; d++) {
            s += a[aOffset + d] * b[bOffset + d];
        }
        return s;
    }

    /** The L2 norm of every row. */
    public static float[] rowNorms(float[] matrix, int dim) {
        float[] norms = new float[matrix.length / dim];
        for (int r = 0; r < norms.length; r++) {
            norms[r] = (float) Math.sqrt(dot(matrix, r * dim, matrix, r * dim, dim));
        }
        return norms;
    }

    /** {@code scores[r] = rows[r] . query} for every row. */
    public static void dotAll(float[] rows, int dim, float[] query, float[] scores) {
        for (int r = 0; r < scores.length; r++) {
            scores[r] = dot(rows, r * dim, query, 0, dim);
        }
    }

    /**
     * Cosine similarity of every row with {@code query}; rows of norm 0 (items without a vector)
     * score negative infinity so they never rank above an item that has one.
     */
    public static void cosineAll(float[] rows, float[] norms, int dim, float[] query, float[] scores) {
        float queryNorm = (float) Math.sqrt(dot(query, 0, query, 0, dim));
        for (int r = 0; r < scores.length; r++) {
            scores[r] = norms[r] == 0f || queryNorm == 0f ? Float.NEGATIVE_INFINITY
                    : dot(rows, r * dim, query, 0, dim) / (norms[r] * queryNorm);
        }
    }

    /**
     * {@code out[h]} = cosine similarity of row {@code rows[h]} with row {@code target}, 0 where
     * either has norm 0: how near each of a user's items lies to a recommended one, for explanations.
     */
    public static void cosineToRow(float[] matrix, float[] norms, int dim, int[] rows, int target, float[] out) {
        for (int h = 0; h < rows.length; h++) {
            float d = norms[rows[h]] * norms[target];
            out[h] = d > 0f ? dot(matrix, rows[h] * dim, matrix, target * dim, dim) / d : 0f;
        }
    }

    /** One row as a new array. */
    public static float[] row(float[] matrix, int dim, int r) {
        float[] out = new float[dim];
        System.arraycopy(matrix, r * dim, out, 0, dim);
        return out;
    }

    /**
     * The recency-weighted mean of the rows of {@code items} (newest last): the newest of the last
     * {@code lastN} items weighs 1, the one before {@code decay}, then {@code decay^2}, ...
     */
    public static float[] recencyWeightedMean(float[] matrix, int dim, int[] items, int lastN, double decay) {
        float[] out = new float[dim];
        double weight = 1.0;
        double total = 0.0;
        for (int k = items.length - 1; k >= Math.max(0, items.length - lastN); k--) {
            int offset = items[k] * dim;
            for (int d = 0; d < dim; d++) {
                out[d] += (float) (weight * matrix[offset + d]);
            }
            total += weight;
            weight *= decay;
        }
        if (total > 0) {
            for (int d = 0; d < dim; d++) {
                out[d] /= (float) total;
            }
        }
        return out;
    }
}
