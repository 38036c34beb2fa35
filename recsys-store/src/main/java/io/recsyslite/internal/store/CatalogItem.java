package io.recsyslite.internal.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the items table. Missing text is null, a missing price is {@code NaN}.
 *
 * @param extra the items file's extra columns (name to value as text, in file order); never
 *              null, values may be null
 */
public record CatalogItem(String itemId, String title, String category, String brand, double price,
                          String imageUrl, Map<String, String> extra) {
    public CatalogItem {
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }
}
