package io.recsyslite.faiss;

import java.util.Random;

/** Seeded random test vectors. */
final class Vectors {
    private Vectors() {}

    /** {@code n x dim} Gaussian rows scaled to unit length. */
    static float[] randomUnit(int n, int dim, long seed) {
        Random random = new Random(seed);
        float[] v = new float[n * dim];
        for (int row = 0; row < n; row++) {
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                float x = (float) random.nextGaussian();
                v[row * dim + d] = x;
                norm += x * x;
            }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < dim; d++) {
                v[row * dim + d] *= inv;
            }
        }
        return v;
    }

    /** {@code n x dim} Gaussian rows of varying length, for inner product and L2. */
    static float[] randomGaussian(int n, int dim, long seed) {
        Random random = new Random(seed);
        float[] v = new float[n * dim];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
