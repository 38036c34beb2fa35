package io.recsyslite.models;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.ItemMetadata;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.internal.data.EventColumns;
import io.recsyslite.core.internal.data.TrainingDataBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test data with planted structure: items fall into clusters, every user belongs to one cluster
 * and interacts with a random half of its items, nothing else. A working model must rank the
 * user's unseen cluster items above all other items.
 */
public final class PlantedData {
    public static final int CLUSTERS = 4;
    public static final int ITEMS_PER_CLUSTER = 12;
    public static final int USERS_PER_CLUSTER = 60;
    public static final int ITEMS = CLUSTERS * ITEMS_PER_CLUSTER;
    public static final int USERS = CLUSTERS * USERS_PER_CLUSTER;

    private PlantedData() {
    }

    public static int clusterOfItem(int item) {
        return item / ITEMS_PER_CLUSTER;
    }

    public static int clusterOfUser(int user) {
        return user % CLUSTERS;
    }

    /** The distinct clusters of these items, in order of first appearance. */
    public static int[] clusters(int[] items) {
        return java.util.stream.IntStream.of(items).map(PlantedData::clusterOfItem).distinct().toArray();
    }

    public static TrainingData build(long seed) {
        Random random = new Random(seed);
        EventColumns events = new EventColumns();
        for (int u = 0; u < USERS; u++) {
            int c = clusterOfUser(u);
            for (int j = 0; j < ITEMS_PER_CLUSTER; j++) {
                if (random.nextBoolean()) {
                    events.add(u, c * ITEMS_PER_CLUSTER + j, 1000L + u * 100L + j, 1f);
                }
            }
        }
        return TrainingDataBuilder.build(ids("u", USERS), ids("i", ITEMS), events, ConfidenceWeighting.binary(),
                ItemMetadata.empty(ITEMS));
    }

    private static IdIndex ids(String prefix, int n) {
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            ids.add(prefix + k);
        }
        return IdIndex.of(ids);
    }
}
