package io.recsyslite.models.als;

import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.models.common.FloatKernels;
import io.recsyslite.models.common.QuietOjAlgo;
import io.recsyslite.models.common.WorkerPool;
import java.util.Arrays;
import org.ojalgo.matrix.decomposition.Cholesky;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;

/**
 * Solves one side of implicit ALS (Hu, Koren & Volinsky 2008) with the other side's factors
 * {@code Y} fixed: for a row with confidences {@code c = 1 + alpha * value} on its items, the
 * vector {@code x} minimising {@code sum_i c_i (1 - x.y_i)^2 + sum_j (x.y_j)^2 + reg |x|^2}, i.e.
 * {@code (YtY + reg I + sum_i (c_i - 1) y_i y_i^T) x = sum_i c_i y_i}. YtY is computed once per
 * half-iteration, so a row costs O(nnz_row * f) for the conjugate-gradient solver (Takács et al.
 * 2011, as in the Python {@code implicit} library) and O(nnz_row * f^2 + f^3) for the exact
 * Cholesky solve. Immutable; each thread uses its own {@link Workspace}.
 */
final class AlsSolver {
    private static final float CG_EPS = 1e-20f;
    private static final int GRAM_BLOCK = 256;

    private final float[] y;
    private final int f;
    private final float alpha;
    private final float[] gram;
    private final double[] gramExact;
    private final FloatKernels kernels;

    /** {@code y}: the fixed factors, row-major {@code n x f}. */
    AlsSolver(float[] y, int f, double regularization, double alpha, WorkerPool pool, FloatKernels kernels) {
        this.kernels = kernels;
        this.y = y;
        this.f = f;
        this.alpha = (float) alpha;
        this.gramExact = gram(y, f, regularization, pool, kernels);
        this.gram = new float[f * f];
        for (int k = 0; k < gram.length; k++) {
            gram[k] = (float) gramExact[k];
        }
    }

    /** Per-thread scratch space. */
    final class Workspace {
        private final float[] r = new float[f];
        private final float[] p = new float[f];
        private final float[] ap = new float[f];
        private R064Store a;
        private R064Store b;
        private Cholesky<Double> cholesky;

        /** The exact solver's buffers, made on first use so the CG path never touches ojAlgo. */
        private void ensureExact() {
            if (cholesky == null) {
                QuietOjAlgo.ensure();
                a = R064Store.FACTORY.make(f, f);
                b = R064Store.FACTORY.make(f, 1);
                cholesky = Cholesky.R064.make(f, f);
            }
        }
    }

    Workspace workspace() {
        return new Workspace();
    }

    /** Solves every row of {@code rows} into {@code x} (row-major, warm start for CG). */
    void solveAll(CsrMatrix rows, float[] x, boolean exact, int cgSteps, WorkerPool pool) {
        pool.forChunks(rows.rows(), 256, (from, to) -> {
            Workspace ws = workspace();
            for (int row = from; row < to; row++) {
                if (exact) {
                    exact(rows, row, x, row * f, ws);
                } else {
                    conjugateGradient(rows, row, x, row * f, cgSteps, ws);
                }
            }
        });
    }

    /**
     * A few CG steps on row {@code row}, starting from the current {@code x[off..off+f)}, the way
     * {@code implicit}'s {@code _least_squares_cg} does it.
     */
    void conjugateGradient(CsrMatrix rows, int row, float[] x, int off, int steps, Workspace ws) {
        float[] r = ws.r;
        float[] p = ws.p;
        float[] ap = ws.ap;
        // r = b - A x
        kernels.symmetricMultiply(gram, x, off, r, f);
        for (int k = 0; k < f; k++) {
            r[k] = -r[k];
        }
        for (int q = rows.start(row); q < rows.end(row); q++) {
            float c = 1f + alpha * rows.value(q);
            int yo = rows.col(q) * f;
            float yx = kernels.dot(y, yo, x, off, f);
            kernels.axpy(c - (c - 1f) * yx, y, yo, r, 0, f);
        }
        System.arraycopy(r, 0, p, 0, f);
        float rsOld = kernels.dot(r, 0, r, 0, f);
        if (rsOld < CG_EPS) {
            return;
        }
        for (int step = 0; step < steps; step++) {
            kernels.symmetricMultiply(gram, p, 0, ap, f);
            for (int q = rows.start(row); q < rows.end(row); q++) {
                int yo = rows.col(q) * f;
                kernels.axpy(alpha * rows.value(q) * kernels.dot(y, yo, p, 0, f), y, yo, ap, 0, f);
            }
            float pAp = kernels.dot(p, 0, ap, 0, f);
            if (!(pAp > 0f)) {
                return;
            }
            float a = rsOld / pAp;
            kernels.axpy(a, p, 0, x, off, f);
            kernels.axpy(-a, ap, 0, r, 0, f);
            float rsNew = kernels.dot(r, 0, r, 0, f);
            if (rsNew < CG_EPS) {
                return;
            }
            float beta = rsNew / rsOld;
            for (int k = 0; k < f; k++) {
                p[k] = r[k] + beta * p[k];
            }
            rsOld = rsNew;
        }
    }

    /** The exact least-squares solution for row {@code row}, by a Cholesky decomposition (ojalgo). */
    void exact(CsrMatrix rows, int row, float[] x, int off, Workspace ws) {
        int n = rows.rowLength(row);
        int[] items = new int[n];
        float[] values = new float[n];
        for (int q = rows.start(row); q < rows.end(row); q++) {
            items[q - rows.start(row)] = rows.col(q);
            values[q - rows.start(row)] = rows.value(q);
        }
        exact(items, values, x, off, ws);
    }

    void exact(int[] items, float[] values, float[] x, int off, Workspace ws) {
        decompose(items, values, ws);
        double[] b = ws.b.data;
        Arrays.fill(b, 0.0);
        for (int q = 0; q < items.length; q++) {
            double c = 1.0 + (double) alpha * values[q];
            int yo = items[q] * f;
            for (int i = 0; i < f; i++) {
                b[i] += c * y[yo + i];
            }
        }
        MatrixStore<Double> solution = ws.cholesky.getSolution(ws.b);
        for (int i = 0; i < f; i++) {
            x[off + i] = (float) solution.doubleValue(i, 0);
        }
    }

    /**
     * Why the row's exact solution scores {@code target} as it does (Hu, Koren & Volinsky 2008,
     * section 5): with {@code W = A^-1} for this row, the score {@code y_t . x} is the sum over the
     * row's items j of {@code s_tj c_j}, where {@code s_tj = y_t^T W y_j} is the row's weighted
     * similarity. Fills {@code out[q]} with the term of {@code items[q]}.
     */
    void contributions(int[] items, float[] values, int target, float[] out, Workspace ws) {
        decompose(items, values, ws);
        double[] b = ws.b.data;
        for (int i = 0; i < f; i++) {
            b[i] = y[target * f + i];
        }
        // W is symmetric, so W y_t gives y_t^T W
        MatrixStore<Double> wy = ws.cholesky.getSolution(ws.b);
        for (int q = 0; q < items.length; q++) {
            double s = 0;
            int yo = items[q] * f;
            for (int i = 0; i < f; i++) {
                s += wy.doubleValue(i, 0) * y[yo + i];
            }
            out[q] = (float) ((1.0 + (double) alpha * values[q]) * s);
        }
    }

    /** Decomposes {@code A = YtY + reg I + sum_q (c_q - 1) y_q y_q^T} of the row into {@code ws}. */
    private void decompose(int[] items, float[] values, Workspace ws) {
        ws.ensureExact();
        // A is symmetric, so filling ojalgo's column-major array in row-major order is the same.
        double[] a = ws.a.data;
        System.arraycopy(gramExact, 0, a, 0, f * f);
        for (int q = 0; q < items.length; q++) {
            double c = 1.0 + (double) alpha * values[q];
            int yo = items[q] * f;
            for (int i = 0; i < f; i++) {
                double w = (c - 1.0) * y[yo + i];
                int ao = i * f;
                for (int j = 0; j < f; j++) {
                    a[ao + j] += w * y[yo + j];
                }
            }
        }
        ws.cholesky.decompose(ws.a);
    }

    /**
     * {@code Y^T Y + reg I}: float rank-one updates over blocks of {@value #GRAM_BLOCK} rows, each
     * block added into double sums. Each worker sums a fixed slice of rows and the slices are added
     * in worker order, so the result is deterministic for a given thread count.
     */
    static double[] gram(float[] y, int f, double regularization, WorkerPool pool, FloatKernels kernels) {
        int n = y.length / f;
        int workers = pool.threads();
        double[][] partial = new double[workers][];
        pool.onEachWorker(w -> {
            double[] g = new double[f * f];
            float[] block = new float[f * f];
            int to = (int) ((long) n * (w + 1) / workers);
            for (int start = (int) ((long) n * w / workers); start < to; start += GRAM_BLOCK) {
                Arrays.fill(block, 0f);
                for (int row = start; row < Math.min(to, start + GRAM_BLOCK); row++) {
                    int o = row * f;
                    for (int i = 0; i < f; i++) {
                        kernels.axpy(y[o + i], y, o, block, i * f, f);
                    }
                }
                for (int k = 0; k < g.length; k++) {
                    g[k] += block[k];
                }
            }
            partial[w] = g;
        });
        double[] g = new double[f * f];
        for (double[] p : partial) {
            for (int k = 0; k < g.length; k++) {
                g[k] += p[k];
            }
        }
        for (int i = 0; i < f; i++) {
            g[i * f + i] += regularization;
        }
        return g;
    }
}
