package io.recsyslite.benchmarks.models2;

import io.recsyslite.core.data.EventColumns;
import io.recsyslite.core.data.Sequences;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.rank.ItemFilter;
import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.TrainingContext;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Quality and speed figures for item2vec, lightfm and gru4rec: leave-last-out top-N on MovieLens
 * 100k, next-item prediction against an item-kNN baseline, lightfm cold start on a generated shop,
 * and seconds per training epoch. Prints markdown tables.
 *
 * <pre>
 * mvn -B -q -o -pl recsys-core,recsys-models,benchmarks -am install -DskipTests
 * java -cp "benchmarks/target/classes:recsys-models/target/classes:recsys-core/target/classes:$(cat /tmp/bench.cp)" io.recsyslite.benchmarks.models2.Models2Report \
 *     /work/shared/data/ml-100k/u.data [sections: topn,next,cold,speed]
 * </pre>
 */
public final class Models2Report {
    private static final int THREADS = 2;
    private static final long SEED = 42L;
    private static final long GAP = 30 * 60;

    /** The settings the figures are taken with (defaults unless listed). */
    static final Map<String, Map<String, Object>> PARAMS = Map.of(
            "popularity", Map.of(),
            "item2vec", Map.of(),
            "lightfm", Map.of(),
            "gru4rec", Map.of());

    private final Algorithms algorithms = Algorithms.discover();
    private final TrainingContext context = new TrainingContext(THREADS, SEED, null, null);

    public static void main(String[] args) throws Exception {
        Path ml = Path.of(args.length > 0 ? args[0] : "/work/shared/data/ml-100k/u.data");
        String sections = args.length > 1 ? args[1] : "topn,next,cold,speed";
        Models2Report report = new Models2Report();
        TrainingData movielens = MovieLens.load(ml);
        if (sections.contains("topn")) {
            report.topN(movielens);
        }
        if (sections.contains("next")) {
            report.nextItem("ml-100k", movielens, Long.MAX_VALUE);
            report.nextItem("synthetic shop (5k users, 1k items)", SyntheticShop.generate(5_000, 1_000, 40, 8, SEED), GAP);
        }
        if (sections.contains("cold")) {
            report.coldStart(SyntheticShop.generate(3_000, 1_000, 40, 8, SEED));
        }
        if (sections.contains("speed")) {
            report.speed(SyntheticShop.generate(40_000, 5_000, 100, 5, SEED));
        }
    }

    private Recommender fit(String name, TrainingData data, Map<String, Object> overrides) {
        Map<String, Object> params = new LinkedHashMap<>(PARAMS.get(name));
        // -Dmodels2.NAME=key=value,key=value overrides the settings, for trying other parameters.
        for (String pair : System.getProperty("models2." + name, "").split(",")) {
            if (pair.contains("=")) {
                params.put(pair.substring(0, pair.indexOf('=')).trim(), pair.substring(pair.indexOf('=') + 1).trim());
            }
        }
        params.putAll(overrides);
        return algorithms.get(name).fit(data, algorithms.get(name).paramSpace().resolve(params), context);
    }

    private void topN(TrainingData all) {
        Split split = Split.leaveLastOut(all);
        System.out.println("\n## Leave-last-out top-N on ml-100k (" + all.numUsers() + " users, full ranking, seen excluded)\n");
        System.out.println("| model | HR@10 | HR@20 | NDCG@10 | NDCG@20 | fit s | s/epoch |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String name : System.getProperty("models2.models", "popularity,item2vec,lightfm,gru4rec").split(",")) {
            long start = System.nanoTime();
            Recommender model = fit(name, split.train(), Map.of());
            double seconds = (System.nanoTime() - start) / 1e9;
            Metrics at10 = new Metrics(10);
            Metrics at20 = new Metrics(20);
            for (int u = 0; u < all.numUsers(); u++) {
                if (split.heldOut()[u] >= 0) {
                    ScoredItems top = model.recommend(u, RecommendRequest.top(20));
                    at10.add(top, split.heldOut()[u]);
                    at20.add(top, split.heldOut()[u]);
                }
            }
            System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f | %.1f | %s |%n", name, at10.hitRate(),
                    at20.hitRate(), at10.ndcg(), at20.ndcg(), seconds, perEpoch(model, seconds));
        }
    }

    /** Next-item: the last event of each user is the target, the events before it the query. */
    private void nextItem(String label, TrainingData all, long gapSeconds) {
        Split split = Split.leaveLastOut(all);
        System.out.println("\n## Next-item on " + label + " (Recall@20, MRR@20; query = "
                + (gapSeconds == Long.MAX_VALUE ? "whole history" : "the target's session so far") + ")\n");
        System.out.println("| model | Recall@20 | MRR@20 | cases |");
        System.out.println("|---|---|---|---|");
        int[][] queries = new int[all.numUsers()][];
        for (int u = 0; u < all.numUsers(); u++) {
            queries[u] = sessionTail(all.sequences(), u, gapSeconds);
        }
        CooccurrenceKnn knn = new CooccurrenceKnn(split.train().sequences(), all.numItems(), gapSeconds);
        print("item-kNN (cosine co-occurrence)", split, queries, q -> knn.recommendFor(q, 20));
        for (String name : List.of("item2vec", "gru4rec")) {
            Recommender model = fit(name, split.train(), Map.of());
            print(name, split, queries, q -> model.recommendFor(q, RecommendRequest.top(20)));
        }
    }

    /** The user's events before the last one, back to the last pause longer than the gap. */
    private static int[] sessionTail(Sequences seq, int u, long gapSeconds) {
        int last = seq.end(u) - 1;
        int from = last;
        while (from > seq.start(u) && seq.timestamp(from) - seq.timestamp(from - 1) <= gapSeconds) {
            from--;
        }
        int[] out = new int[last - from];
        for (int p = from; p < last; p++) {
            out[p - from] = seq.item(p);
        }
        return out;
    }

    private static void print(String name, Split split, int[][] queries,
                              java.util.function.Function<int[], ScoredItems> recommender) {
        Metrics m = new Metrics(20);
        for (int u = 0; u < queries.length; u++) {
            if (split.heldOut()[u] >= 0 && queries[u].length > 0) {
                m.add(recommender.apply(queries[u]), split.heldOut()[u]);
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %d |%n", name, m.hitRate(), m.mrr(), m.cases());
    }

    /** 10% of items never appear in training; users who interacted with them rank the cold items. */
    private void coldStart(TrainingData all) {
        SplittableRandom random = new SplittableRandom(SEED);
        BitSet cold = new BitSet(all.numItems());
        while (cold.cardinality() < all.numItems() / 10) {
            cold.set(random.nextInt(all.numItems()));
        }
        Sequences seq = all.sequences();
        EventColumns trainEvents = seq.toEvents((u, p) -> !cold.get(seq.item(p)));
        Recommender model = fit("lightfm", all.withEvents(trainEvents), Map.of());
        int numCold = cold.cardinality();
        double aucSum = 0;
        double hits = 0;
        double randomHits = 0;
        int users = 0;
        for (int u = 0; u < all.numUsers(); u++) {
            BitSet positives = new BitSet();
            for (int p = seq.start(u); p < seq.end(u); p++) {
                if (cold.get(seq.item(p))) {
                    positives.set(seq.item(p));
                }
            }
            int np = positives.cardinality();
            if (np == 0 || np == numCold) {
                continue;
            }
            users++;
            ScoredItems ranked = model.recommend(u, new RecommendRequest(numCold, false, ItemFilter.allow(cold)));
            long negativesAbove = 0;
            long correctPairs = 0;
            boolean hit = false;
            for (int r = 0; r < ranked.size(); r++) {
                if (positives.get(ranked.item(r))) {
                    correctPairs += (numCold - np) - negativesAbove;
                    hit |= r < 20;
                } else {
                    negativesAbove++;
                }
            }
            aucSum += (double) correctPairs / ((long) np * (numCold - np));
            hits += hit ? 1 : 0;
            randomHits += 1 - hypergeometricMiss(numCold, np, 20);
        }
        System.out.println("\n## Cold start: lightfm on a generated shop, " + numCold
                + " of " + all.numItems() + " items held out of training entirely\n");
        System.out.println("| measure (over " + users + " users who interacted with cold items) | lightfm | random |");
        System.out.println("|---|---|---|");
        System.out.printf(Locale.ROOT, "| AUC of cold items | %.4f | 0.5000 |%n", aucSum / users);
        System.out.printf(Locale.ROOT, "| HR@20 among cold items | %.4f | %.4f |%n", hits / users, randomHits / users);
    }

    /** Probability that k random draws without replacement from n miss all p positives. */
    private static double hypergeometricMiss(int n, int p, int k) {
        double miss = 1;
        for (int i = 0; i < Math.min(k, n); i++) {
            miss *= (double) (n - p - i) / (n - i);
            if (miss <= 0) {
                return 0;
            }
        }
        return miss;
    }

    private void speed(TrainingData big) {
        System.out.println("\n## Seconds per epoch, " + THREADS + " threads, generated shop: " + big.numUsers()
                + " users, " + big.numItems() + " items, " + big.interactions().userItems().nnz()
                + " distinct pairs, " + big.sequences().totalEvents() + " events\n");
        System.out.println("| model | epochs | fit s | s/epoch |");
        System.out.println("|---|---|---|---|");
        for (String name : List.of("item2vec", "lightfm", "gru4rec")) {
            Map<String, Object> oneOrTwo = Map.of("epochs", name.equals("gru4rec") ? 1 : 2);
            long start = System.nanoTime();
            Recommender model = fit(name, big, oneOrTwo);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %s |%n", name, oneOrTwo.get("epochs"), seconds,
                    perEpoch(model, seconds));
        }
    }

    private static String perEpoch(Recommender model, double seconds) {
        Object epochs = model.params().asMap().get("epochs");
        return epochs == null ? "-" : String.format(Locale.ROOT, "%.2f", seconds / ((Number) epochs).doubleValue());
    }
}
