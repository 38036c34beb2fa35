package io.recsyslite.models.ease;

import io.recsyslite.models.common.QuietOjAlgo;
import org.ojalgo.matrix.decomposition.Cholesky;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;

/**
 * Plain-Java float64 inverse by ojAlgo's Cholesky decomposition; the portable fallback of
 * {@link LapackInverse}. Peak memory: three {@code n x n} double matrices besides {@code a}.
 */
final class OjAlgoInverse implements SpdInverse {
    OjAlgoInverse() {
        QuietOjAlgo.ensure();
    }

    @Override
    public void invert(float[] a, int n, int threads) {
        double[] d = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            d[k] = a[k];
        }
        Cholesky<Double> cholesky = Cholesky.R064.make(n, n);
        cholesky.decompose(R064Store.wrap(d, n));
        MatrixStore<Double> inverse = cholesky.getInverse();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i * n + j] = (float) inverse.doubleValue(i, j);
            }
        }
    }
}
