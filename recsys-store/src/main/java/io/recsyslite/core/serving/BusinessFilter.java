package io.recsyslite.core.serving;

import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.ItemMetadata;
import io.recsyslite.core.rank.ItemFilter;
import java.util.BitSet;
import java.util.Locale;

/** Compiles the business rules of {@link RecommendOptions} into an item bit set. */
final class BusinessFilter {
    /** Optional items-file column saying whether an item can be sold (true/1/yes). */
    static final String IN_STOCK_COLUMN = "in_stock";

    private BusinessFilter() {
    }

    static ItemFilter compile(RecommendOptions options, IdIndex items, ItemMetadata metadata) {
        if (options.unrestricted()) {
            return ItemFilter.ALL;
        }
        BitSet allowed = new BitSet(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (accepts(options, metadata, i) && !options.denyIds().contains(items.idOf(i))) {
                allowed.set(i);
            }
        }
        return ItemFilter.allow(allowed);
    }

    private static boolean accepts(RecommendOptions o, ItemMetadata m, int i) {
        if (!o.categories().isEmpty() && !o.categories().contains(m.category(i))) {
            return false;
        }
        float price = m.price(i);
        if (o.minPrice() != null && !(price >= o.minPrice())) {
            return false;
        }
        if (o.maxPrice() != null && !(price <= o.maxPrice())) {
            return false;
        }
        return !o.inStockOnly() || inStock(m.extra(IN_STOCK_COLUMN, i));
    }

    private static boolean inStock(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("1") || v.equals("yes");
    }
}
