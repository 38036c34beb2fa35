package io.recsyslite.internal.serving;

import io.recsyslite.RecommendOptions;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.ItemMetadata;
import io.recsyslite.core.rank.ItemFilter;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Compiles the business rules of {@link RecommendOptions} into an item bit set. The catalogue is
 * indexed once per model load (a bit set per category and per brand, the in-stock bit set, the
 * items in price order), so compiling a request's rules combines a few bit sets word by word and
 * never looks at the items one by one. Immutable and thread-safe.
 */
final class BusinessFilter {
    /** Optional items-file column saying whether an item can be sold (true/1/yes). */
    static final String IN_STOCK_COLUMN = "in_stock";
    private static final BitSet NONE = new BitSet();

    private final IdIndex items;
    private final Map<String, BitSet> byCategory;
    private final Map<String, BitSet> byBrand;
    private final BitSet inStock = new BitSet();
    /** Items with a price, cheapest first, and their prices. */
    private final int[] priceOrder;
    private final float[] sortedPrices;

    private BusinessFilter(IdIndex items, ItemMetadata metadata) {
        this.items = items;
        int n = items.size();
        byCategory = new HashMap<>();
        byBrand = new HashMap<>();
        for (int i = 0; i < n; i++) {
            addTo(byCategory, metadata.category(i), i);
            addTo(byBrand, metadata.brand(i), i);
            if (inStock(metadata.extra(IN_STOCK_COLUMN, i))) {
                inStock.set(i);
            }
        }
        priceOrder = IntStream.range(0, n).filter(i -> !Float.isNaN(metadata.price(i))).boxed()
                .sorted((a, b) -> Float.compare(metadata.price(a), metadata.price(b)))
                .mapToInt(Integer::intValue).toArray();
        sortedPrices = new float[priceOrder.length];
        for (int r = 0; r < priceOrder.length; r++) {
            sortedPrices[r] = metadata.price(priceOrder[r]);
        }
    }

    /** Indexes the catalogue of a model being loaded. */
    static BusinessFilter index(IdIndex items, ItemMetadata metadata) {
        return new BusinessFilter(items, metadata);
    }

    ItemFilter compile(RecommendOptions options) {
        if (options.unrestricted()) {
            return ItemFilter.ALL;
        }
        BitSet allowed = new BitSet(items.size());
        allowed.set(0, items.size());
        if (!options.categories().isEmpty()) {
            allowed.and(union(byCategory, options.categories()));
        }
        if (!options.brands().isEmpty()) {
            allowed.and(union(byBrand, options.brands()));
        }
        if (options.minPrice() != null || options.maxPrice() != null) {
            allowed.and(priceRange(options.minPrice(), options.maxPrice()));
        }
        if (options.inStockOnly()) {
            allowed.and(inStock);
        }
        for (String id : options.denyIds()) {
            int i = items.indexOf(id);
            if (i >= 0) {
                allowed.clear(i);
            }
        }
        return allowed::get;
    }

    private static BitSet union(Map<String, BitSet> byValue, Set<String> values) {
        BitSet out = new BitSet();
        for (String v : values) {
            out.or(byValue.getOrDefault(v, NONE));
        }
        return out;
    }

    /** Items priced within [min, max] (either bound may be null); items without a price never pass. */
    private BitSet priceRange(Double min, Double max) {
        int from = min == null ? 0 : countBelow(min, false);
        int to = max == null ? sortedPrices.length : countBelow(max, true);
        BitSet out = new BitSet(items.size());
        for (int r = from; r < to; r++) {
            out.set(priceOrder[r]);
        }
        return out;
    }

    /** How many priced items cost less than {@code bound} (or no more than it, when {@code orEqual}). */
    private int countBelow(double bound, boolean orEqual) {
        int lo = 0;
        int hi = sortedPrices.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedPrices[mid] < bound || (orEqual && sortedPrices[mid] == bound)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void addTo(Map<String, BitSet> byValue, String value, int item) {
        if (value != null) {
            byValue.computeIfAbsent(value, v -> new BitSet()).set(item);
        }
    }

    private static boolean inStock(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("1") || v.equals("yes");
    }
}
