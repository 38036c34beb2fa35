package io.recsyslite.models.ease;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * Native float32 inverse: LAPACK's Cholesky factorisation and inverse ({@code spotrf},
 * {@code spotri}) from OpenBLAS through JavaCPP. The JNI call works on a native copy of the array,
 * so the peak is two {@code n x n} float matrices. Sets OpenBLAS's process-wide thread count.
 */
final class LapackInverse implements SpdInverse {
    /** Loads the native library; throws {@link LinkageError} when it is missing for this platform. */
    LapackInverse() {
        Loader.load(openblas.class);
    }

    @Override
    public void invert(float[] a, int n, int threads) {
        openblas.blas_set_num_threads(threads);
        byte lower = (byte) 'L';
        // Column-major 'L' is the upper triangle of the row-major array; LAPACKE copies nothing then.
        check("spotrf", openblas.LAPACKE_spotrf(openblas.LAPACK_COL_MAJOR, lower, n, a, n));
        check("spotri", openblas.LAPACKE_spotri(openblas.LAPACK_COL_MAJOR, lower, n, a, n));
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                a[j * n + i] = a[i * n + j];
            }
        }
    }

    private static void check(String routine, int info) {
        if (info != 0) {
            throw new ArithmeticException("LAPACK " + routine + " failed (info " + info
                    + "): the item Gram matrix plus lambda is not positive definite in float32; raise lambda");
        }
    }
}
