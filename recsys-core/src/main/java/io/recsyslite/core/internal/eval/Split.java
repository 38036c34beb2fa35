package io.recsyslite.core.internal.eval;

import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.TrainingData;

/**
 * A train/test split over the same id indexes: the model is fitted on {@code train} and judged on
 * {@code test}, a users x items matrix of held-out items (value 1 per held-out pair). Immutable.
 *
 * @param train the training events (ids, metadata and weighting of the original data)
 * @param test  held-out interactions, users x items
 */
public record Split(TrainingData train, CsrMatrix test) {
    public Split {
        if (test.rows() != train.numUsers() || test.cols() != train.numItems()) {
            throw new IllegalArgumentException("test matrix " + test + " does not match training data "
                    + train.numUsers() + " x " + train.numItems());
        }
    }

    /**
     * A validation split carved from this split's training part with {@code splitter}; this
     * split's test part is not looked at. Tune on the result, then report once on this split.
     */
    public Split validation(Splitter splitter) {
        return splitter.split(train);
    }

    /** Number of users with at least one held-out item. */
    public int numTestUsers() {
        int n = 0;
        for (int u = 0; u < test.rows(); u++) {
            if (test.rowLength(u) > 0) {
                n++;
            }
        }
        return n;
    }
}
