package io.recsyslite.models.ease;

/**
 * Inverts a dense symmetric positive-definite float matrix in place (row-major {@code n x n}; being
 * symmetric, it reads the same column-major). Implementations: native LAPACK through OpenBLAS
 * ({@link LapackInverse}, float32, multi-threaded) and ojAlgo in plain Java ({@link OjAlgoInverse},
 * float64, one thread). Stateless and thread-safe.
 */
interface SpdInverse {
    /** Replaces {@code a} by its inverse, using up to {@code threads} threads where it can. */
    void invert(float[] a, int n, int threads);

    /** Native LAPACK when it loads, else ojAlgo with one WARN; see {@link SpdInverseChoice}. */
    static SpdInverse best() {
        return SpdInverseChoice.BEST;
    }
}
