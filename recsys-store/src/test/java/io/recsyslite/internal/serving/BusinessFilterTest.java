package io.recsyslite.internal.serving;

import io.recsyslite.RecommendOptions;
import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.ItemMetadata;
import io.recsyslite.core.rank.ItemFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessFilterTest {
    private static final int ITEMS = 500;
    private final Random random = new Random(7);
    private final String[] categories = new String[ITEMS];
    private final String[] brands = new String[ITEMS];
    private final float[] prices = new float[ITEMS];
    private final String[] inStock = new String[ITEMS];
    private final IdIndex ids;
    private final BusinessFilter filters;

    BusinessFilterTest() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            names.add("item_" + i);
            categories[i] = random.nextInt(10) == 0 ? null : "c" + random.nextInt(6);
            brands[i] = "b" + random.nextInt(4);
            prices[i] = random.nextInt(10) == 0 ? Float.NaN : random.nextInt(40) * 2.5f; // ties on purpose
            inStock[i] = List.of("true", "1", "yes", " YES ", "false", "0", "").get(random.nextInt(7));
        }
        ids = IdIndex.of(names);
        ItemMetadata metadata = new ItemMetadata(new String[ITEMS], categories, brands, prices, new String[ITEMS],
                Map.of(BusinessFilter.IN_STOCK_COLUMN, inStock));
        filters = BusinessFilter.index(ids, metadata);
    }

    @Test
    void compiledBitSetsAgreeWithTheRulesItemByItem() {
        for (int round = 0; round < 300; round++) {
            RecommendOptions options = randomOptions();
            ItemFilter compiled = filters.compile(options);
            for (int i = 0; i < ITEMS; i++) {
                assertThat(compiled.accept(i)).as("item %d under %s", i, options).isEqualTo(expected(options, i));
            }
        }
    }

    @Test
    void noRulesAcceptEverythingAndUnknownValuesNothing() {
        assertThat(filters.compile(RecommendOptions.defaults())).isSameAs(ItemFilter.ALL);
        ItemFilter unknown = filters.compile(RecommendOptions.defaults().withCategories(Set.of("no-such-category")));
        for (int i = 0; i < ITEMS; i++) {
            assertThat(unknown.accept(i)).isFalse();
        }
    }

    private RecommendOptions randomOptions() {
        RecommendOptions o = RecommendOptions.defaults();
        if (random.nextBoolean()) {
            o = o.withCategories(new HashSet<>(List.of("c" + random.nextInt(7), "c" + random.nextInt(7))));
        }
        if (random.nextInt(3) == 0) {
            o = o.withBrands(Set.of("b" + random.nextInt(5)));
        }
        if (random.nextBoolean()) {
            Double min = random.nextBoolean() ? null : random.nextInt(40) * 2.5;
            Double max = random.nextBoolean() ? null : random.nextInt(40) * 2.5 + (random.nextBoolean() ? 0 : 1.0);
            o = o.withPriceRange(min, max);
        }
        if (random.nextInt(3) == 0) {
            o = o.withInStockOnly(true);
        }
        if (random.nextInt(3) == 0) {
            o = o.withDenyIds(Set.of("item_" + random.nextInt(ITEMS), "unknown"));
        }
        return o;
    }

    private boolean expected(RecommendOptions o, int i) {
        String stock = inStock[i].trim().toLowerCase();
        return (o.categories().isEmpty() || categories[i] != null && o.categories().contains(categories[i]))
                && (o.brands().isEmpty() || o.brands().contains(brands[i]))
                && (o.minPrice() == null || prices[i] >= o.minPrice())
                && (o.maxPrice() == null || prices[i] <= o.maxPrice())
                && (!o.inStockOnly() || stock.equals("true") || stock.equals("1") || stock.equals("yes"))
                && !o.denyIds().contains(ids.idOf(i));
    }
}
