package io.recsyslite.models.common;

/**
 * Plain-Java {@link FloatKernels}: the JIT vectorises {@link #axpy}, not the floating-point sum of
 * {@link #dot}, which four accumulators at least overlap. Stateless.
 */
public final class JavaFloatKernels implements FloatKernels {
    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int len) {
        return Vectors.dot(a, ao, b, bo, len);
    }

    @Override
    public void axpy(float alpha, float[] x, int xo, float[] y, int yo, int len) {
        for (int k = 0; k < len; k++) {
            y[yo + k] += alpha * x[xo + k];
        }
    }

    /** Row by row: here four-accumulator dot products beat summing vectorised rows (measured). */
    @Override
    public void symmetricMultiply(float[] g, float[] v, int vo, float[] out, int f) {
        for (int i = 0; i < f; i++) {
            out[i] = dot(g, i * f, v, vo, f);
        }
    }
}
