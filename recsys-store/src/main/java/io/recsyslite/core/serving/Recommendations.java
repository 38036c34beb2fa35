package io.recsyslite.core.serving;

import java.util.List;

/**
 * The answer to {@code RecSys.recommend}.
 *
 * @param userId       the user asked about
 * @param personalized false when the items are the popular fallback (unknown or deleted user)
 * @param items        best first
 */
public record Recommendations(String userId, boolean personalized, List<RecommendedItem> items) {
    public Recommendations {
        items = List.copyOf(items);
    }
}
