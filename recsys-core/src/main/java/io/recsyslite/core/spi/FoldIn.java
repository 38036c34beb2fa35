package io.recsyslite.core.spi;

import io.recsyslite.core.data.CsrMatrix;
import java.util.List;

/**
 * A model that can absorb new interactions of existing or new users without a full retrain,
 * leaving item-side parameters untouched. Returns a new model; the receiver is not modified.
 */
public interface FoldIn {
    /**
     * @param userIds external ids of the users with new interactions (new ids are appended)
     * @param rows    one row per entry of {@code userIds}: the user's complete updated item
     *                confidences over this model's item ints
     */
    Recommender foldIn(List<String> userIds, CsrMatrix rows);
}
