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

    /**
     * A model that answers this one user as {@link #foldIn} would (find the user by
     * {@code users().indexOf(userId)}): what serving needs for a user with new events. The default
     * is {@code foldIn}; models whose fold-in copies every other user override it with a model of
     * the user alone that shares the item side (matrix factorisation does).
     *
     * @param row the user's complete updated item confidences, one row over this model's item ints
     */
    default Recommender foldInAlone(String userId, CsrMatrix row) {
        return foldIn(List.of(userId), row);
    }
}
