package io.recsyslite;

import java.util.Set;

/**
 * Business rules for one request, applied inside the top-k: keep only some categories and brands,
 * a price range, in-stock items (an {@code in_stock} column of the items file: true/1/yes), drop denied
 * ids, and whether to exclude what the user already interacted with. Immutable; build with
 * {@link #defaults()} and the {@code with...} methods.
 *
 * @param excludeSeen  drop the user's own items (default true)
 * @param categories   allowed categories; empty = all
 * @param brands       allowed brands; empty = all
 * @param minPrice     lowest price, or null
 * @param maxPrice     highest price, or null
 * @param inStockOnly  only items whose {@code in_stock} column says so
 * @param denyIds      item ids never to return
 * @param useIndex     serve embedding models through the configured ANN index (else exact)
 * @param explain      add to each item the history items behind it ({@link Recommendations.Item#reasons()})
 */
public record RecommendOptions(boolean excludeSeen, Set<String> categories, Set<String> brands, Double minPrice,
                               Double maxPrice, boolean inStockOnly, Set<String> denyIds, boolean useIndex,
                               boolean explain) {
    public RecommendOptions {
        categories = Set.copyOf(categories);
        brands = Set.copyOf(brands);
        denyIds = Set.copyOf(denyIds);
    }

    public static RecommendOptions defaults() {
        return new RecommendOptions(true, Set.of(), Set.of(), null, null, false, Set.of(), true, false);
    }

    public RecommendOptions withExcludeSeen(boolean v) {
        return new RecommendOptions(v, categories, brands, minPrice, maxPrice, inStockOnly, denyIds, useIndex, explain);
    }

    public RecommendOptions withCategories(Set<String> v) {
        return new RecommendOptions(excludeSeen, v, brands, minPrice, maxPrice, inStockOnly, denyIds, useIndex, explain);
    }

    public RecommendOptions withBrands(Set<String> v) {
        return new RecommendOptions(excludeSeen, categories, v, minPrice, maxPrice, inStockOnly, denyIds, useIndex, explain);
    }

    public RecommendOptions withPriceRange(Double min, Double max) {
        return new RecommendOptions(excludeSeen, categories, brands, min, max, inStockOnly, denyIds, useIndex, explain);
    }

    public RecommendOptions withInStockOnly(boolean v) {
        return new RecommendOptions(excludeSeen, categories, brands, minPrice, maxPrice, v, denyIds, useIndex, explain);
    }

    public RecommendOptions withDenyIds(Set<String> v) {
        return new RecommendOptions(excludeSeen, categories, brands, minPrice, maxPrice, inStockOnly, v, useIndex, explain);
    }

    public RecommendOptions withUseIndex(boolean v) {
        return new RecommendOptions(excludeSeen, categories, brands, minPrice, maxPrice, inStockOnly, denyIds, v, explain);
    }

    public RecommendOptions withExplain(boolean v) {
        return new RecommendOptions(excludeSeen, categories, brands, minPrice, maxPrice, inStockOnly, denyIds, useIndex, v);
    }

    /** True when no business rule restricts the items (seen-exclusion aside). */
    public boolean unrestricted() {
        return categories.isEmpty() && brands.isEmpty() && minPrice == null && maxPrice == null && !inStockOnly && denyIds.isEmpty();
    }
}
