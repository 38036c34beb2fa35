package io.recsyslite;

import com.fasterxml.jackson.annotation.JsonInclude;
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
public record Recommendations(String userId, boolean personalized, List<Item> items,
                              String recommendationId, String variant) {
    public Recommendations {
        items = List.copyOf(items);
    }

    /** An answer not served yet (no recommendation id). */
    public Recommendations(String userId, boolean personalized, List<Item> items) {
        this(userId, personalized, items, null, null);
    }

    /**
     * One recommended item with its catalogue data joined in (null where the catalogue has none).
     *
     * @param reasons only with {@link RecommendOptions#explain()}, else null: the user's own items that
     *                contributed most to this one, strongest first; empty where the model gives no reasons
     *                (popularity, the popular fallback)
     */
    public record Item(String itemId, double score, String title, String category, String brand,
                       Double price, String imgUrl,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<Reason> reasons) {
        public Item {
            reasons = reasons == null ? null : List.copyOf(reasons);
        }
    }

    /**
     * An item of the user's history behind a recommendation ("because you viewed ...").
     *
     * @param contribution how much it weighed, in the model's own terms (larger is stronger)
     */
    public record Reason(String itemId, String title, double contribution) {
    }
}
