package io.recsyslite.models;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.ItemMetadata;
import io.recsyslite.core.data.Sequences;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.internal.data.EventColumns;
import io.recsyslite.core.internal.data.TrainingDataBuilder;
import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Throwaway tuning harness, not a test: leave-last-out on MovieLens 100k (every rating an implicit
 * positive, the last interaction per user by timestamp held out, full ranking excluding training
 * items, all users count). Usage: {@code Ml100kHarness ALGO [name=value ...]}.
 */
public final class Ml100kHarness {
    private Ml100kHarness() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(System.getProperty("ml100k", "/work/shared/data/ml-100k/u.data"));
        List<String[]> rows = new ArrayList<>();
        Map<String, Integer> users = new LinkedHashMap<>();
        Map<String, Integer> items = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t");
            rows.add(f);
            users.putIfAbsent(f[0], users.size());
            items.putIfAbsent(f[1], items.size());
        }
        EventColumns events = new EventColumns(rows.size());
        for (String[] f : rows) {
            events.add(users.get(f[0]), items.get(f[1]), Long.parseLong(f[3]), 1f);
        }
        TrainingData all = TrainingDataBuilder.build(IdIndex.of(new ArrayList<>(users.keySet())),
                IdIndex.of(new ArrayList<>(items.keySet())), events, ConfidenceWeighting.binary(),
                ItemMetadata.empty(items.size()));
        Sequences seq = all.sequences();
        TrainingData train = TrainingDataBuilder.withEvents(all, TrainingDataBuilder.events(seq, (u, p) -> p != seq.end(u) - 1));

        RecommenderProvider provider = Algorithms.discover().get(args[0]);
        Map<String, String> given = new LinkedHashMap<>();
        for (int a = 1; a < args.length; a++) {
            String[] kv = args[a].split("=", 2);
            given.put(kv[0], kv[1]);
        }
        int threads = Integer.getInteger("threads", 2);
        long start = System.nanoTime();
        Recommender model = provider.fit(train, provider.paramSpace().resolve(given),
                TrainingContext.defaults().withThreads(threads));
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        double[] hr = new double[2];
        double[] ndcg = new double[2];
        int[] cut = {10, 20};
        for (int u = 0; u < train.numUsers(); u++) {
            int target = seq.item(seq.end(u) - 1);
            ScoredItems top = model.recommend(u, RecommendRequest.top(20));
            for (int r = 0; r < top.size(); r++) {
                if (top.item(r) == target) {
                    for (int c = 0; c < 2; c++) {
                        if (r < cut[c]) {
                            hr[c]++;
                            ndcg[c] += 1 / (Math.log(r + 2) / Math.log(2));
                        }
                    }
                }
            }
        }
        int n = train.numUsers();
        System.out.printf("%s %s fit=%.1fs HR@10=%.4f NDCG@10=%.4f HR@20=%.4f NDCG@20=%.4f%n", args[0],
                model.params(), fitSeconds, hr[0] / n, ndcg[0] / n, hr[1] / n, ndcg[1] / n);
    }
}
