package io.recsyslite.core.serving;

/**
 * One recommended item with its catalogue data joined in (null where the catalogue has none).
 */
public record RecommendedItem(String itemId, double score, String title, String category, String brand,
                              Double price, String imgUrl) {
}
