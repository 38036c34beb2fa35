package io.recsyslite;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One recommended item with its catalogue data joined in (null where the catalogue has none).
 *
 * @param reasons only with {@link RecommendOptions#explain()}, else null: the user's own items that
 *                contributed most to this one, strongest first; empty where the model gives no reasons
 *                (popularity, the popular fallback)
 */
public record RecommendedItem(String itemId, double score, String title, String category, String brand,
                              Double price, String imgUrl,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<Reason> reasons) {
    public RecommendedItem {
        reasons = reasons == null ? null : List.copyOf(reasons);
    }

    /**
     * An item of the user's history behind a recommendation ("because you viewed ...").
     *
     * @param contribution how much it weighed, in the model's own terms (larger is stronger)
     */
    public record Reason(String itemId, String title, double contribution) {
    }
}
