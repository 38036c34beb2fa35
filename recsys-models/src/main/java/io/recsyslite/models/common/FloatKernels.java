package io.recsyslite.models.common;

/**
 * The float kernels of the training inner loops (ALS conjugate gradient and Gram matrix) and of
 * scoring every item against a query ({@link Vectors#dotAll}, {@link Vectors#cosineAll}). Two
 * implementations give the same results up to float rounding: {@link JavaFloatKernels}, plain
 * loops the JIT vectorises where it can, and the JDK Vector API one, used when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} (see {@link #best()}). Stateless and thread-safe.
 */
public interface FloatKernels {
    /** {@code a[ao..ao+len) . b[bo..bo+len)}. */
    float dot(float[] a, int ao, float[] b, int bo, int len);

    /** {@code y[yo..yo+len) += alpha * x[xo..xo+len)}. */
    void axpy(float alpha, float[] x, int xo, float[] y, int yo, int len);

    /**
     * {@code out[0..f) = G v} for a symmetric row-major {@code f x f} matrix {@code G} and
     * {@code v = v[vo..vo+f)}: the rows of G weighted by v, summed (no horizontal reductions).
     */
    void symmetricMultiply(float[] g, float[] v, int vo, float[] out, int f);

    /** The Vector API kernels when the JVM has the incubator module, else the plain-Java ones. */
    static FloatKernels best() {
        return KernelChoice.BEST;
    }
}
