package io.recsyslite.core.data;

import java.util.Arrays;

/**
 * Immutable compressed-sparse-row matrix of float values. Column indices are strictly increasing
 * within each row. Row {@code r} occupies positions {@code start(r) <= p < end(r)}.
 * Thread-safe. The arrays are owned by the matrix; {@code copy*} accessors return copies.
 */
public final class CsrMatrix {
    private final int rows;
    private final int cols;
    private final int[] indptr;
    private final int[] indices;
    private final float[] values;

    /** Takes ownership of the arrays after checking their shape. */
    public CsrMatrix(int rows, int cols, int[] indptr, int[] indices, float[] values) {
        if (indptr.length != rows + 1 || indptr[0] != 0 || indptr[rows] != indices.length
                || indices.length != values.length) {
            throw new IllegalArgumentException("inconsistent CSR arrays: rows=" + rows
                    + " indptr=" + indptr.length + " nnz=" + indices.length + "/" + values.length);
        }
        for (int r = 0; r < rows; r++) {
            int prev = -1;
            if (indptr[r] > indptr[r + 1]) {
                throw new IllegalArgumentException("indptr decreases at row " + r);
            }
            for (int p = indptr[r]; p < indptr[r + 1]; p++) {
                int c = indices[p];
                if (c <= prev || c >= cols) {
                    throw new IllegalArgumentException("bad column " + c + " in row " + r);
                }
                prev = c;
            }
        }
        this.rows = rows;
        this.cols = cols;
        this.indptr = indptr;
        this.indices = indices;
        this.values = values;
    }

    public static CsrMatrix empty(int rows, int cols) {
        return new CsrMatrix(rows, cols, new int[rows + 1], new int[0], new float[0]);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int nnz() {
        return indices.length;
    }

    public int start(int row) {
        return indptr[row];
    }

    public int end(int row) {
        return indptr[row + 1];
    }

    public int rowLength(int row) {
        return indptr[row + 1] - indptr[row];
    }

    public int col(int pos) {
        return indices[pos];
    }

    public float value(int pos) {
        return values[pos];
    }

    /** The value at (row, col), or 0 when absent. */
    public float get(int row, int col) {
        int p = Arrays.binarySearch(indices, indptr[row], indptr[row + 1], col);
        return p >= 0 ? values[p] : 0f;
    }

    public boolean contains(int row, int col) {
        return Arrays.binarySearch(indices, indptr[row], indptr[row + 1], col) >= 0;
    }

    /** The column indices of one row (a copy). */
    public int[] rowIndices(int row) {
        return Arrays.copyOfRange(indices, indptr[row], indptr[row + 1]);
    }

    public int[] copyIndptr() {
        return indptr.clone();
    }

    public int[] copyIndices() {
        return indices.clone();
    }

    public float[] copyValues() {
        return values.clone();
    }

    /** The transpose, computed by a counting sort in O(nnz) without per-entry objects. */
    public CsrMatrix transpose() {
        int[] tIndptr = new int[cols + 1];
        for (int c : indices) {
            tIndptr[c + 1]++;
        }
        for (int c = 0; c < cols; c++) {
            tIndptr[c + 1] += tIndptr[c];
        }
        int[] next = Arrays.copyOf(tIndptr, cols);
        int[] tIndices = new int[indices.length];
        float[] tValues = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int p = indptr[r]; p < indptr[r + 1]; p++) {
                int q = next[indices[p]]++;
                tIndices[q] = r;
                tValues[q] = values[p];
            }
        }
        return new CsrMatrix(cols, rows, tIndptr, tIndices, tValues);
    }

    @Override
    public String toString() {
        return "CsrMatrix[" + rows + "x" + cols + ", nnz=" + indices.length + "]";
    }
}
