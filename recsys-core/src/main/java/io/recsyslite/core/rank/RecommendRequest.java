package io.recsyslite.core.rank;

import io.recsyslite.core.error.InvalidParameterException;

/**
 * One request shape shared by {@code recommend}, {@code recommendFor} and {@code similarItems}:
 * how many items, whether to drop what the user already interacted with (on by default), and an
 * extra filter applied inside the top-k.
 *
 * @param k           number of items wanted (>= 1)
 * @param excludeSeen drop the user's training items (recommend) or the query items (recommendFor,
 *                    similarItems)
 * @param filter      further restriction; {@link ItemFilter#ALL} for none
 */
public record RecommendRequest(int k, boolean excludeSeen, ItemFilter filter) {
    public RecommendRequest {
        if (k < 1) {
            throw new InvalidParameterException("k must be at least 1, was " + k);
        }
        filter = filter == null ? ItemFilter.ALL : filter;
    }

    /** k items, seen items excluded, no other filter. */
    public static RecommendRequest top(int k) {
        return new RecommendRequest(k, true, ItemFilter.ALL);
    }

    public RecommendRequest withFilter(ItemFilter extra) {
        return new RecommendRequest(k, excludeSeen, filter.and(extra));
    }

    public RecommendRequest includingSeen() {
        return new RecommendRequest(k, false, filter);
    }
}
