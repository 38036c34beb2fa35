package io.recsyslite.models.common;

import java.util.Arrays;

/** Small dense-vector helpers over rows of flat {@code float[]} matrices. Stateless. */
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

    /** {@code out[i] = query . rows[i]} for every row. */
    public static void scoreAll(float[] query, float[] rows, int dim, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = dot(query, 0, rows, i * dim, dim);
        }
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
}
