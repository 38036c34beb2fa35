package io.recsyslite.core.serving;

import java.util.Set;

/**
 * Business rules for one request, applied inside the top-k: keep only some categories, a price
 * range, in-stock items (an {@code in_stock} column of the items file: true/1/yes), drop denied
 * ids, and whether to exclude what the user already interacted with. Immutable; build with
 * {@link #defaults()} and the {@code with...} methods.
 *
 * @param excludeSeen  drop the user's own items (default true)
 * @param categories   allowed categories; empty = all
 * @param minPrice     lowest price, or null
 * @param maxPrice     highest price, or null
 * @param inStockOnly  only items whose {@code in_stock} column says so
 * @param denyIds      item ids never to return
 * @param useIndex     serve embedding models through the configured ANN index (else exact)
 */
public record RecommendOptions(boolean excludeSeen, Set<String> categories, Double minPrice, Double maxPrice,
                               boolean inStockOnly, Set<String> denyIds, boolean useIndex) {
    public RecommendOptions {
        categories = Set.copyOf(categories);
        denyIds = Set.copyOf(denyIds);
    }

    public static RecommendOptions defaults() {
        return new RecommendOptions(true, Set.of(), null, null, false, Set.of(), true);
    }

    public RecommendOptions withExcludeSeen(boolean v) {
        return new RecommendOptions(v, categories, minPrice, maxPrice, inStockOnly, denyIds, useIndex);
    }

    public RecommendOptions withCategories(Set<String> v) {
        return new RecommendOptions(excludeSeen, v, minPrice, maxPrice, inStockOnly, denyIds, useIndex);
    }

    public RecommendOptions withPriceRange(Double min, Double max) {
        return new RecommendOptions(excludeSeen, categories, min, max, inStockOnly, denyIds, useIndex);
    }

    public RecommendOptions withInStockOnly(boolean v) {
        return new RecommendOptions(excludeSeen, categories, minPrice, maxPrice, v, denyIds, useIndex);
    }

    public RecommendOptions withDenyIds(Set<String> v) {
        return new RecommendOptions(excludeSeen, categories, minPrice, maxPrice, inStockOnly, v, useIndex);
    }

    public RecommendOptions withUseIndex(boolean v) {
        return new RecommendOptions(excludeSeen, categories, minPrice, maxPrice, inStockOnly, denyIds, v);
    }

    /** True when no business rule restricts the items (seen-exclusion aside). */
    boolean unrestricted() {
        return categories.isEmpty() && minPrice == null && maxPrice == null && !inStockOnly && denyIds.isEmpty();
    }
}
