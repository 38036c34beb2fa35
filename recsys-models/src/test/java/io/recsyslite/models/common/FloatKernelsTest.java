package io.recsyslite.models.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Vector API kernels against the plain-Java ones; surefire runs with the incubator module. */
class FloatKernelsTest {
    private final FloatKernels java = new JavaFloatKernels();
    private final FloatKernels vector = new VectorApiKernels();
    private final SplittableRandom random = new SplittableRandom(11);

    @Test
    void theVectorApiIsChosenWhenTheModuleIsThereAndPlainJavaOnRequest() {
        assertThat(FloatKernels.best()).isInstanceOf(VectorApiKernels.class);
        assertThat(KernelChoice.choose("java")).isInstanceOf(JavaFloatKernels.class);
    }

    @Test
    void dotAndAxpyAgreeForEveryLengthAndOffset() {
        for (int len = 0; len <= 70; len++) {
            float[] a = randoms(len + 3);
            float[] b = randoms(len + 5);
            assertThat(vector.dot(a, 3, b, 5, len)).isCloseTo(java.dot(a, 3, b, 5, len), within(1e-4f));
            float[] y1 = b.clone();
            float[] y2 = b.clone();
            java.axpy(0.7f, a, 3, y1, 5, len);
            vector.axpy(0.7f, a, 3, y2, 5, len);
            assertThat(y2).containsExactly(y1, within(1e-6f));
        }
    }

    @Test
    void symmetricMultiplyIsTheMatrixVectorProduct() {
        for (int f : new int[] {1, 5, 16, 33, 64, 70, 130}) {
            float[] g = new float[f * f];
            for (int i = 0; i < f; i++) {
                for (int j = 0; j <= i; j++) {
                    g[i * f + j] = g[j * f + i] = (float) random.nextGaussian();
                }
            }
            float[] v = randoms(f + 2);
            float[] expected = new float[f];
            for (int i = 0; i < f; i++) {
                double s = 0;
                for (int j = 0; j < f; j++) {
                    s += (double) g[i * f + j] * v[2 + j];
                }
                expected[i] = (float) s;
            }
            for (FloatKernels kernels : new FloatKernels[] {java, vector}) {
                float[] out = new float[f];
                kernels.symmetricMultiply(g, v, 2, out, f);
                assertThat(out).as("%s, f = %d", kernels.getClass().getSimpleName(), f)
                        .containsExactly(expected, within(1e-4f));
            }
        }
    }

    private float[] randoms(int n) {
        float[] x = new float[n];
        for (int k = 0; k < n; k++) {
            x[k] = (float) random.nextGaussian();
        }
        return x;
    }
}
