package io.recsyslite.models.lightfm;

import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.ItemMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The item x feature matrix of the hybrid model. Feature {@code i < numItems} is item i's own id;
 * the others are {@code category=..}, {@code brand=..}, {@code price_bucket=..} (price quantiles)
 * and {@code extra.COLUMN=..} for the extra item columns. An item carries its id feature only when
 * it has training interactions (an untrained id embedding would add noise), so a cold item is
 * represented by its metadata alone. Each row is normalised to sum 1, as LightFM's Dataset does.
 *
 * @param names  feature names, position = feature int
 * @param matrix items x features, weights summing to 1 per non-empty row
 */
record ItemFeatures(IdIndex names, CsrMatrix matrix) {

    static ItemFeatures build(IdIndex items, ItemMetadata metadata, int[] popularity, int priceBuckets) {
        int numItems = items.size();
        List<String> names = new ArrayList<>(numItems + 64);
        for (int i = 0; i < numItems; i++) {
            names.add("item=" + items.idOf(i));
        }
        Map<String, Integer> vocabulary = new LinkedHashMap<>();
        float[] bucketBounds = priceBounds(metadata, priceBuckets);
        List<String> extraColumns = new ArrayList<>();
        metadata.extraColumns().forEach(extraColumns::add);

        int[] indptr = new int[numItems + 1];
        List<int[]> rows = new ArrayList<>(numItems);
        for (int i = 0; i < numItems; i++) {
            TreeSet<Integer> row = new TreeSet<>();
            if (popularity[i] > 0) {
                row.add(i);
            }
            addFeature(row, vocabulary, names, "category=", metadata.category(i));
            addFeature(row, vocabulary, names, "brand=", metadata.brand(i));
            if (!Float.isNaN(metadata.price(i))) {
                addFeature(row, vocabulary, names, "price_bucket=",
                        Integer.toString(bucket(bucketBounds, metadata.price(i))));
            }
            for (String column : extraColumns) {
                addFeature(row, vocabulary, names, "extra." + column + "=", metadata.extra(column, i));
            }
            rows.add(row.stream().mapToInt(Integer::intValue).toArray());
            indptr[i + 1] = indptr[i] + row.size();
        }
        int[] indices = new int[indptr[numItems]];
        float[] values = new float[indices.length];
        for (int i = 0; i < numItems; i++) {
            int[] row = rows.get(i);
            System.arraycopy(row, 0, indices, indptr[i], row.length);
            Arrays.fill(values, indptr[i], indptr[i + 1], 1f / row.length);
        }
        return new ItemFeatures(IdIndex.of(names), new CsrMatrix(numItems, names.size(), indptr, indices, values));
    }

    int numFeatures() {
        return names.size();
    }

    private static void addFeature(TreeSet<Integer> row, Map<String, Integer> vocabulary,
                                   List<String> names, String prefix, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String name = prefix + value;
        Integer f = vocabulary.get(name);
        if (f == null) {
            f = names.size();
            names.add(name);
            vocabulary.put(name, f);
        }
        row.add(f);
    }

    /** Upper bounds of the first buckets-1 price quantiles; empty when no item has a price. */
    private static float[] priceBounds(ItemMetadata metadata, int buckets) {
        float[] prices = new float[metadata.size()];
        int n = 0;
        for (int i = 0; i < metadata.size(); i++) {
            if (!Float.isNaN(metadata.price(i))) {
                prices[n++] = metadata.price(i);
            }
        }
        if (n == 0) {
            return new float[0];
        }
        Arrays.sort(prices, 0, n);
        float[] bounds = new float[buckets - 1];
        for (int b = 1; b < buckets; b++) {
            bounds[b - 1] = prices[Math.min(n - 1, (int) ((long) b * n / buckets))];
        }
        return bounds;
    }

    private static int bucket(float[] bounds, float price) {
        int b = 0;
        while (b < bounds.length && price >= bounds[b]) {
            b++;
        }
        return b;
    }
}
