package io.recsyslite.models.common;

import java.util.Arrays;

/** Small dense-vector helpers over rows of flat {@code float[]} matrices. Stateless. */
public final class Vectors {
    private Vectors() {
    }

    /** Dot product of row {@code a} of {@code x} and row {@code b} of {@code y}, both {@code dim} wide. */
    public static float dot(float[] x, int a, float[] y, int b, int dim) {
        int xa = a * dim;
        int yb = b * dim;
        float s = 0f;
        for (int k = 0; k < dim; k++) {
            s += x[xa + k] * y[yb + k];
        }
        return s;
    }

    /** {@code out[i] = query . rows[i]} for every row. */
    public static void scoreAll(float[] query, float[] rows, int dim, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = dot(query, 0, rows, i, dim);
        }
    }

    /** The L2 norm of each {@code dim}-wide row. */
    public static float[] rowNorms(float[] rows, int dim) {
        float[] norms = new float[rows.length / dim];
        for (int i = 0; i < norms.length; i++) {
            norms[i] = (float) Math.sqrt(dot(rows, i, rows, i, dim));
        }
        return norms;
    }

    /** Distinct items in increasing order, e.g. a user's recent items as a sparse row. */
    public static int[] sortedDistinct(int[] items) {
        return Arrays.stream(items).sorted().distinct().toArray();
    }
}
