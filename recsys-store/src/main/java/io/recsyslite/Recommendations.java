package io.recsyslite;

import java.util.List;

/**
 * The answer to {@code RecSysEngine.recommend} (and {@code similarItems}).
 *
 * @param userId           the user asked about (null for a visitor or for similar items)
 * @param personalized     false when the items are the popular fallback (unknown or deleted user)
 * @param items            best first
 * @param recommendationId unique per answer: impressions, clicks and purchases that follow are
 *                         attributed to it (null before the answer is served)
 * @param variant          the A/B variant whose model answered ({@value TrafficSplit#DEFAULT} with one model)
 */
public record Recommendations(String userId, boolean personalized, List<RecommendedItem> items,
                              String recommendationId, String variant) {
    public Recommendations {
        items = List.copyOf(items);
    }

    /** An answer not served yet (no recommendation id). */
    public Recommendations(String userId, boolean personalized, List<RecommendedItem> items) {
        this(userId, personalized, items, null, null);
    }
}
