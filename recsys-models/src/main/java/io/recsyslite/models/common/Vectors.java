package io.recsyslite.models.common;

import java.util.Arrays;

/**
 * Small kernels over row-major float matrices ({@code rows x dim}) shared by the factor and
 * embedding models. Stateless and thread-safe.
 */
public final class Vectors {
    private Vectors() {
    }

    /**
     * Dot product of {@code a[ao..ao+len)} and {@code b[bo..bo+len)}, with four accumulators so the
     * JIT can overlap the additions (it does not vectorise a single floating-point sum).
     */
    public static float dot(float[] a, int ao, float[] b, int bo, int len) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int k = 0;
        for (; k + 3 < len; k += 4) {
            s0 += a[ao + k] * b[bo + k];
            s1 += a[ao + k + 1] * b[bo + k + 1];
            s2 += a[ao + k + 2] * b[bo + k + 2];
            s3 += a[ao + k + 3] * b[bo + k + 3];
        }
        for (; k < len; k++) {
            s0 += a[ao + k] * b[bo + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The L2 norm of each {@code dim}-wide row. */
    public static float[] rowNorms(float[] rows, int dim) {
        float[] norms = new float[rows.length / dim];
        for (int i = 0; i < norms.length; i++) {
            norms[i] = (float) Math.sqrt(dot(rows, i * dim, rows, i * dim, dim));
        }
        return norms;
    }

    /** Distinct items in increasing order, e.g. a user's recent items as a sparse row. */
    public static int[] sortedDistinct(int[] items) {
        return Arrays.stream(items).sorted().distinct().toArray();
    }

    /** {@code scores[r] = rows[r] . query} for every row. */
    public static void dotAll(float[] rows, int dim, float[] query, float[] scores) {
        FloatKernels kernels = FloatKernels.best(); // a serving hot loop: 3-4x faster on the Vector API
        for (int r = 0; r < scores.length; r++) {
            scores[r] = kernels.dot(rows, r * dim, query, 0, dim);
        }
    }

    /**
     * Cosine similarity of every row with {@code query}; rows of norm 0 (items without a vector)
     * score negative infinity so they never rank above an item that has one.
     */
    public static void cosineAll(float[] rows, float[] norms, int dim, float[] query, float[] scores) {
        float queryNorm = (float) Math.sqrt(dot(query, 0, query, 0, dim));
        FloatKernels kernels = FloatKernels.best();
        for (int r = 0; r < scores.length; r++) {
            scores[r] = norms[r] == 0f || queryNorm == 0f ? Float.NEGATIVE_INFINITY
                    : kernels.dot(rows, r * dim, query, 0, dim) / (norms[r] * queryNorm);
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
