package io.recsyslite.core.index;

/**
 * An approximate index whose search effort (IVF's {@code nprobe}, HNSW's {@code efSearch}) can be
 * tuned on real queries: {@link #calibrate} measures recall@k against the exact answer and keeps
 * the smallest effort that reaches a target. Calibrating while other threads search is allowed;
 * searches use the old or the new effort.
 */
public interface TunableIndex extends ItemIndex {
    /**
     * Finds the smallest search effort whose recall@{@code k} on {@code queries} (row-major
     * {@code n x dim}, e.g. users' vectors) reaches {@code targetRecall} and searches with it from
     * now on. An effort fixed by the index's settings is kept and only measured.
     */
    IndexCalibration calibrate(float[] queries, int k, double targetRecall);
}
