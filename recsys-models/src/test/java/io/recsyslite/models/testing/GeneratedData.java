package io.recsyslite.models.testing;

import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.core.artifact.Provenance;
import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.ItemMetadata;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.internal.data.EventColumns;
import io.recsyslite.core.internal.data.TrainingDataBuilder;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.Recommender;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small generated data sets with planted structure for model tests. */
public final class GeneratedData {
    private GeneratedData() {
    }

    /** The cluster of item {@code i} and of user {@code u} in {@link #clustered}. */
    public static int clusterOf(int i, int clusters) {
        return i % clusters;
    }

    /**
     * Users of cluster c interact only with items of cluster c (item i is in cluster i % clusters),
     * {@code perUser} distinct items each, in random order one minute apart. Items at positions
     * {@code >= numItems - coldItems} get no interactions at all but carry metadata: category
     * "cat" + cluster and a brand. Items of cluster c share category "cat" + c.
     */
    public static TrainingData clustered(int numUsers, int numItems, int clusters, int perUser, int coldItems,
                                         long seed) {
        Random random = new Random(seed);
        EventColumns events = new EventColumns();
        int warm = numItems - coldItems;
        for (int u = 0; u < numUsers; u++) {
            int c = clusterOf(u, clusters);
            List<Integer> own = new ArrayList<>();
            for (int i = c; i < warm; i += clusters) {
                own.add(i);
            }
            java.util.Collections.shuffle(own, random);
            long ts = 1_700_000_000L + u * 100_000L;
            for (int k = 0; k < Math.min(perUser, own.size()); k++) {
                events.add(u, own.get(k), ts + 60L * k, 1f);
            }
        }
        String[] categories = new String[numItems];
        String[] brands = new String[numItems];
        float[] prices = new float[numItems];
        for (int i = 0; i < numItems; i++) {
            categories[i] = "cat" + clusterOf(i, clusters);
            brands[i] = "brand" + clusterOf(i, clusters) + "-" + (i % 3);
            prices[i] = 10f * (1 + clusterOf(i, clusters));
        }
        ItemMetadata metadata = new ItemMetadata(new String[numItems], categories, brands, prices,
                new String[numItems], Map.of());
        return TrainingDataBuilder.build(ids("u", numUsers), ids("i", numItems), events, ConfidenceWeighting.binary(),
                metadata);
    }

    /**
     * Users walk deterministic chains: item k is always followed by item {@code next[k]}, sessions of
     * {@code sessionLength} items separated by a {@code gapSeconds} pause, events one minute apart.
     */
    public static TrainingData chains(int numUsers, int numItems, int sessionsPerUser, int sessionLength,
                                      long gapSeconds, long seed) {
        Random random = new Random(seed);
        int[] next = new int[numItems];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < numItems; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        for (int k = 0; k < numItems; k++) {
            next[order.get(k)] = order.get((k + 1) % numItems);
        }
        EventColumns events = new EventColumns();
        for (int u = 0; u < numUsers; u++) {
            long ts = 1_700_000_000L;
            for (int s = 0; s < sessionsPerUser; s++) {
                int item = random.nextInt(numItems);
                for (int k = 0; k < sessionLength; k++) {
                    events.add(u, item, ts, 1f);
                    item = next[item];
                    ts += 60;
                }
                ts += gapSeconds;
            }
        }
        return TrainingDataBuilder.build(ids("u", numUsers), ids("i", numItems), events, ConfidenceWeighting.binary(),
                ItemMetadata.empty(numItems));
    }

    /** Item -> the item that followed it within a session, as observed in {@link #chains} data. */
    public static Map<Integer, Integer> chainSuccessors(TrainingData data) {
        Map<Integer, Integer> next = new HashMap<>();
        for (int u = 0; u < data.numUsers(); u++) {
            int[] items = data.sequences().items(u);
            long[] ts = data.sequences().timestamps(u);
            for (int k = 0; k + 1 < items.length; k++) {
                if (ts[k + 1] - ts[k] <= 60) {
                    next.put(items[k], items[k + 1]);
                }
            }
        }
        return next;
    }

    public static IdIndex ids(String prefix, int n) {
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(prefix + i);
        }
        return IdIndex.of(ids);
    }

    /** Saves and loads a model through {@link ModelArtifacts}. */
    public static Recommender roundTrip(Recommender model, Path dir) throws IOException {
        Path target = dir.resolve("model");
        ModelArtifacts.save(model, target, new Provenance(Map.of(), "test", 1L));
        return ModelArtifacts.load(target, Algorithms.discover()).model();
    }
}
