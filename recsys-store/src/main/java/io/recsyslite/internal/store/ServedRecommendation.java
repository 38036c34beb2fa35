package io.recsyslite.internal.store;

import java.util.List;

/**
 * One recommendation answer as it was served, kept for online evaluation (which items a shopper
 * was shown, so that later clicks and purchases can be attributed to it) and covered by GDPR
 * export and erasure.
 *
 * @param recommendationId unique per answer
 * @param ts               unix seconds when it was served
 * @param variant          the A/B variant that answered ("default" with one model)
 * @param algorithm        the algorithm of that variant's model
 * @param kind             what was asked: "recommend", "recommend_session", "recommend_items" or "similar_items"
 * @param userId           the user it was for, or null
 * @param sessionId        the visitor session it was for, or null
 * @param itemIds          the items, best first
 */
public record ServedRecommendation(String recommendationId, long ts, String variant, String algorithm, String kind,
                                   String userId, String sessionId, List<String> itemIds) {
    public ServedRecommendation {
        itemIds = List.copyOf(itemIds);
    }
}
