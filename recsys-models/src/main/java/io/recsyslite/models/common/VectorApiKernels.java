package io.recsyslite.models.common;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatKernels} on the JDK Vector API at the CPU's widest float vectors. Needs
 * {@code --add-modules jdk.incubator.vector} at run time; only {@link KernelChoice} creates it,
 * after checking that the module is there. Stateless.
 */
final class VectorApiKernels implements FloatKernels {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Output vectors {@link #symmetricMultiply} keeps in registers at once. */
    private static final int BLOCK = 4 * LANES;

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int len) {
        FloatVector sum = FloatVector.zero(SPECIES);
        int k = 0;
        for (int upper = SPECIES.loopBound(len); k < upper; k += LANES) {
            sum = FloatVector.fromArray(SPECIES, a, ao + k).fma(FloatVector.fromArray(SPECIES, b, bo + k), sum);
        }
        float s = sum.reduceLanes(VectorOperators.ADD);
        for (; k < len; k++) {
            s += a[ao + k] * b[bo + k];
        }
        return s;
    }

    @Override
    public void axpy(float alpha, float[] x, int xo, float[] y, int yo, int len) {
        FloatVector a = FloatVector.broadcast(SPECIES, alpha);
        int k = 0;
        for (int upper = SPECIES.loopBound(len); k < upper; k += LANES) {
            FloatVector.fromArray(SPECIES, x, xo + k).fma(a, FloatVector.fromArray(SPECIES, y, yo + k))
                    .intoArray(y, yo + k);
        }
        for (; k < len; k++) {
            y[yo + k] += alpha * x[xo + k];
        }
    }

    @Override
    public void symmetricMultiply(float[] g, float[] v, int vo, float[] out, int f) {
        int k = 0;
        for (; k + BLOCK <= f; k += BLOCK) {
            FloatVector o0 = FloatVector.zero(SPECIES);
            FloatVector o1 = o0;
            FloatVector o2 = o0;
            FloatVector o3 = o0;
            for (int j = 0; j < f; j++) {
                FloatVector vj = FloatVector.broadcast(SPECIES, v[vo + j]);
                int go = j * f + k;
                o0 = FloatVector.fromArray(SPECIES, g, go).fma(vj, o0);
                o1 = FloatVector.fromArray(SPECIES, g, go + LANES).fma(vj, o1);
                o2 = FloatVector.fromArray(SPECIES, g, go + 2 * LANES).fma(vj, o2);
                o3 = FloatVector.fromArray(SPECIES, g, go + 3 * LANES).fma(vj, o3);
            }
            o0.intoArray(out, k);
            o1.intoArray(out, k + LANES);
            o2.intoArray(out, k + 2 * LANES);
            o3.intoArray(out, k + 3 * LANES);
        }
        for (; k + LANES <= f; k += LANES) {
            FloatVector o = FloatVector.zero(SPECIES);
            for (int j = 0; j < f; j++) {
                o = FloatVector.fromArray(SPECIES, g, j * f + k).fma(FloatVector.broadcast(SPECIES, v[vo + j]), o);
            }
            o.intoArray(out, k);
        }
        for (; k < f; k++) {
            // G is symmetric: column k is row k.
            out[k] = dot(g, k * f, v, vo, f);
        }
    }
}
