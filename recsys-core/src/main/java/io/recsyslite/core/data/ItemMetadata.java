package io.recsyslite.core.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Catalogue attributes per dense item int, aligned with an item {@link IdIndex}: title, category,
 * brand, price, image URL, plus any extra columns of the items file. Missing text is {@code null},
 * a missing price is {@code NaN}. Immutable.
 */
public final class ItemMetadata {
    private final String[] titles;
    private final String[] categories;
    private final String[] brands;
    private final float[] prices;
    private final String[] imageUrls;
    private final Map<String, String[]> extra;

    /** Takes ownership of the arrays; all must have the catalogue's length. */
    public ItemMetadata(String[] titles, String[] categories, String[] brands, float[] prices,
                        String[] imageUrls, Map<String, String[]> extra) {
        int n = prices.length;
        if (titles.length != n || categories.length != n || brands.length != n || imageUrls.length != n
                || extra.values().stream().anyMatch(column -> column.length != n)) {
            throw new IllegalArgumentException("metadata columns differ in length");
        }
        this.titles = titles;
        this.categories = categories;
        this.brands = brands;
        this.prices = prices;
        this.imageUrls = imageUrls;
        this.extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** Metadata with every attribute missing, for data that comes without an items file. */
    public static ItemMetadata empty(int numItems) {
        float[] prices = new float[numItems];
        Arrays.fill(prices, Float.NaN);
        return new ItemMetadata(new String[numItems], new String[numItems], new String[numItems], prices,
                new String[numItems], Map.of());
    }

    public int size() {
        return prices.length;
    }

    public String title(int item) {
        return titles[item];
    }

    public String category(int item) {
        return categories[item];
    }

    public String brand(int item) {
        return brands[item];
    }

    public float price(int item) {
        return prices[item];
    }

    public String imageUrl(int item) {
        return imageUrls[item];
    }

    /** Names of the extra columns, in file order. */
    public Iterable<String> extraColumns() {
        return extra.keySet();
    }

    /** An extra column's value for an item, or null. */
    public String extra(String column, int item) {
        String[] values = extra.get(column);
        return values == null ? null : values[item];
    }
}
