package io.recsyslite.models.gru4rec;

/**
 * Sparse Adagrad or Adam for an embedding table: a step updates only the rows the mini-batch used
 * (as GRU4Rec does for its item matrices), summing the gradients of repeated rows first. Adam is the
 * "lazy" variant: a row's moments decay only when the row is used. Not thread-safe.
 */
final class RowOptimizer {
    private static final float EPSILON = 1e-8f;
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;

    private final float[] table;
    private final int dim;
    private final boolean adam;
    private final float learningRate;
    private final float[] second;
    private final float[] first;
    private final int[] lastStep;
    private final float[] summed;
    private final int[] stamp;
    private int step;

    RowOptimizer(float[] table, int dim, String optimizer, double learningRate) {
        this.table = table;
        this.dim = dim;
        this.adam = optimizer.equals("adam");
        this.learningRate = (float) learningRate;
        this.second = new float[table.length];
        this.first = adam ? new float[table.length] : null;
        int rows = table.length / dim;
        this.lastStep = new int[rows];
        this.summed = new float[table.length];
        this.stamp = new int[rows];
    }

    /**
     * @param rows      the table rows used, one per gradient row (repeats allowed)
     * @param gradients {@code rows.length x dim}, row-major
     */
    void update(int[] rows, float[] gradients) {
        step++;
        for (int k = 0; k < rows.length; k++) {
            int base = rows[k] * dim;
            if (stamp[rows[k]] != step) {
                stamp[rows[k]] = step;
                java.util.Arrays.fill(summed, base, base + dim, 0f);
            }
            for (int j = 0; j < dim; j++) {
                summed[base + j] += gradients[k * dim + j];
            }
        }
        for (int row : rows) {
            if (lastStep[row] == step) {
                continue;
            }
            int base = row * dim;
            if (adam) {
                adamRow(row, base);
            } else {
                for (int j = base; j < base + dim; j++) {
                    second[j] += summed[j] * summed[j];
                    table[j] -= learningRate * summed[j] / ((float) Math.sqrt(second[j]) + EPSILON);
                }
            }
            lastStep[row] = step;
        }
    }

    private void adamRow(int row, int base) {
        double correction = Math.sqrt(1 - Math.pow(BETA2, step)) / (1 - Math.pow(BETA1, step));
        float rate = (float) (learningRate * correction);
        for (int j = base; j < base + dim; j++) {
            first[j] = BETA1 * first[j] + (1 - BETA1) * summed[j];
            second[j] = BETA2 * second[j] + (1 - BETA2) * summed[j] * summed[j];
            table[j] -= rate * first[j] / ((float) Math.sqrt(second[j]) + EPSILON);
        }
    }
}
