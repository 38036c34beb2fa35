package io.recsyslite.models.bpr;

import io.recsyslite.core.data.CsrMatrix;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The BPR-Opt stochastic gradient step (Rendle et al. 2009) over flat factor arrays of width
 * {@code dim = factors + 1}: the last column of an item row is its bias, the last column of a user
 * row is fixed at 1, so {@code user . item} is the full score. Immutable.
 */
final class BprSgd {
    private final int dim;
    private final float learningRate;
    private final float regularization;

    BprSgd(int factors, double learningRate, double regularization) {
        this.dim = factors + 1;
        this.learningRate = (float) learningRate;
        this.regularization = (float) regularization;
    }

    int dim() {
        return dim;
    }

    /**
     * A random item the user has not interacted with, or -1 when none was found in a few tries
     * (the user has nearly every item).
     */
    static int sampleNegative(CsrMatrix userItems, int user, SplittableRandom random) {
        int numItems = userItems.cols();
        for (int attempt = 0; attempt < 32; attempt++) {
            int j = random.nextInt(numItems);
            if (!userItems.contains(user, j)) {
                return j;
            }
        }
        return -1;
    }

    /**
     * One step on the triple (u prefers i over j), updating user and both items when
     * {@code updateItems}, else the user vector only (fold-in). Returns whether the triple was
     * already ordered correctly before the step.
     */
    boolean step(float[] users, int uo, float[] items, int i, int j, boolean updateItems) {
        int io = i * dim;
        int jo = j * dim;
        float score = 0f;
        for (int k = 0; k < dim; k++) {
            score += users[uo + k] * (items[io + k] - items[jo + k]);
        }
        float z = (float) (1.0 / (1.0 + Math.exp(score)));
        int factors = dim - 1;
        float lr = learningRate;
        float reg = regularization;
        for (int k = 0; k < factors; k++) {
            float pu = users[uo + k];
            float qi = items[io + k];
            float qj = items[jo + k];
            users[uo + k] = pu + lr * (z * (qi - qj) - reg * pu);
            if (updateItems) {
                items[io + k] = qi + lr * (z * pu - reg * qi);
                items[jo + k] = qj + lr * (-z * pu - reg * qj);
            }
        }
        if (updateItems) {
            items[io + factors] += lr * (z - reg * items[io + factors]);
            items[jo + factors] += lr * (-z - reg * items[jo + factors]);
        }
        return score > 0f;
    }

    /**
     * A user vector fitted to {@code positives} (sorted item ints) with the item factors fixed:
     * {@code epochs} passes over the positives, each against a random negative; starts from zero
     * and is deterministic for the same items.
     */
    float[] foldIn(int[] positives, float[] items, int epochs) {
        float[] user = new float[dim];
        user[dim - 1] = 1f;
        int numItems = items.length / dim;
        if (positives.length == 0 || positives.length >= numItems) {
            return user;
        }
        SplittableRandom random = new SplittableRandom(Arrays.hashCode(positives));
        for (int e = 0; e < epochs; e++) {
            for (int i : positives) {
                int j = random.nextInt(numItems);
                if (Arrays.binarySearch(positives, j) < 0) {
                    step(user, 0, items, i, j, false);
                }
            }
        }
        return user;
    }
}
