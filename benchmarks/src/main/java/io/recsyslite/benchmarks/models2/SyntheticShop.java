package io.recsyslite.benchmarks.models2;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.ItemMetadata;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.internal.data.EventColumns;
import io.recsyslite.core.internal.data.TrainingDataBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A generated shop with sessions and catalogue metadata. Items belong to categories (with brands
 * and prices tied to the category); users prefer two categories. A session starts on a popular item
 * of a preferred category, then each next item is, with probability 0.5, the item's fixed
 * "goes-with" successor (sequential signal), with 0.3 a popular item of the same category, else a
 * popular item of the user's other preferred category. Events are a minute apart, sessions hours.
 */
final class SyntheticShop {
    private SyntheticShop() {
    }

    static TrainingData generate(int numUsers, int numItems, int numCategories, int sessionsPerUser, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] categoryOf = new int[numItems];
        List<List<Integer>> byCategory = new ArrayList<>();
        for (int c = 0; c < numCategories; c++) {
            byCategory.add(new ArrayList<>());
        }
        for (int i = 0; i < numItems; i++) {
            categoryOf[i] = random.nextInt(numCategories);
            byCategory.get(categoryOf[i]).add(i);
        }
        int[] successor = new int[numItems];
        for (int i = 0; i < numItems; i++) {
            successor[i] = random.nextInt(numItems);
        }
        String[] categories = new String[numItems];
        String[] brands = new String[numItems];
        float[] prices = new float[numItems];
        for (int i = 0; i < numItems; i++) {
            categories[i] = "c" + categoryOf[i];
            brands[i] = "b" + categoryOf[i] + "-" + random.nextInt(4);
            prices[i] = (float) (5 * (1 + categoryOf[i] % 7) * Math.exp(random.nextGaussian() * 0.3));
        }
        EventColumns events = new EventColumns(numUsers * sessionsPerUser * 6);
        for (int u = 0; u < numUsers; u++) {
            int a = random.nextInt(numCategories);
            int b = random.nextInt(numCategories);
            long ts = 1_700_000_000L + random.nextInt(86_400 * 30);
            for (int s = 0; s < sessionsPerUser; s++) {
                int length = 2 + random.nextInt(7);
                int item = popular(byCategory.get(random.nextBoolean() ? a : b), random);
                for (int k = 0; k < length; k++) {
                    events.add(u, item, ts, 1f);
                    ts += 60;
                    double r = random.nextDouble();
                    if (r < 0.5) {
                        item = successor[item];
                    } else if (r < 0.8) {
                        item = popular(byCategory.get(categoryOf[item]), random);
                    } else {
                        item = popular(byCategory.get(categoryOf[item] == a ? b : a), random);
                    }
                }
                ts += 3_600 * (2 + random.nextInt(48));
            }
        }
        ItemMetadata metadata = new ItemMetadata(new String[numItems], categories, brands, prices,
                new String[numItems], Map.of());
        return TrainingDataBuilder.build(ids("u", numUsers), ids("i", numItems), events, ConfidenceWeighting.binary(),
                metadata);
    }

    /** A Zipf-like pick: lower positions in the category list are more popular. */
    private static int popular(List<Integer> items, SplittableRandom random) {
        if (items.isEmpty()) {
            return 0;
        }
        double u = random.nextDouble();
        return items.get((int) Math.min(items.size() - 1, Math.floor(items.size() * u * u * u)));
    }

    private static IdIndex ids(String prefix, int n) {
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(prefix + i);
        }
        return IdIndex.of(ids);
    }
}
