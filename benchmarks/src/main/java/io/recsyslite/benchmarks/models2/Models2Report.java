package io.recsyslite.benchmarks.models2;

import io.recsyslite.benchmarks.report.HeapPeakSampler;
import io.recsyslite.core.data.Sequences;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.internal.data.TrainingDataBuilder;
import io.recsyslite.core.rank.ItemFilter;
import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.rank.TopK;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.TrainingContext;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Quality and speed figures for item2vec, lightfm and gru4rec (popularity and ALS alongside):
 * leave-last-out top-N on MovieLens 100k, next-item prediction against an item-kNN baseline, lightfm
 * cold start on a generated shop, training time per epoch (wall and process CPU) with peak used heap,
 * and a tuning table on a validation split carved from the training data. Prints markdown tables.
 * {@code -Dmodels2.models=a,b} picks the models of topn and speed; {@code -Dmodels2.NAME=k=v,k=v}
 * overrides a model's parameters; {@code -Dmodels2.tune=NAME|k=v,k=v;NAME|...} lists the tune runs.
 *
 * <pre>
 * mvn -B -q -o -pl recsys-core,recsys-models,benchmarks -am install -DskipTests
 * java -cp "benchmarks/target/classes:recsys-models/target/classes:recsys-core/target/classes:$(cat /tmp/bench.cp)" io.recsyslite.benchmarks.models2.Models2Report \
 *     /work/shared/data/ml-100k/u.data [sections: topn,next,cold,speed,foldin,tune]
 * </pre>
 */
public final class Models2Report {
    private static final int THREADS = 2;
    private static final long SEED = 42L;
    private static final long GAP = 30 * 60;
    /** Training events per user that an incremental update adds. */
    private static final int NEWER = 3;

    /** The settings the figures are taken with (defaults unless listed). */
    static final Map<String, Map<String, Object>> PARAMS = Map.of(
            "popularity", Map.of(),
            "als", Map.of(),
            "item2vec", Map.of(),
            "lightfm", Map.of(),
            "gru4rec", Map.of());

    private final Algorithms algorithms = Algorithms.discover();
    private final TrainingContext context = new TrainingContext(THREADS, SEED, null, null);

    public static void main(String[] args) throws Exception {
        Path ml = Path.of(args.length > 0 ? args[0] : "/work/shared/data/ml-100k/u.data");
        String sections = args.length > 1 ? args[1] : "topn,next,cold,speed,tune";
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
            report.speed("ml-100k", movielens);
            report.speed("generated shop", SyntheticShop.generate(40_000, 5_000, 100, 5, SEED));
        }
        if (sections.contains("foldin")) {
            report.foldIn(movielens);
        }
        if (sections.contains("tune")) {
            report.tune(movielens);
        }
    }

    private Recommender fit(String name, TrainingData data, Map<String, Object> overrides) {
        Map<String, Object> params = new LinkedHashMap<>(PARAMS.getOrDefault(name, Map.of()));
        // -Dmodels2.NAME=key=value,key=value overrides the settings, for trying other parameters.
        for (String pair : System.getProperty("models2." + name, "").split(",")) {
            if (pair.contains("=")) {
                params.put(pair.substring(0, pair.indexOf('=')).trim(), pair.substring(pair.indexOf('=') + 1).trim());
            }
        }
        params.putAll(overrides);
        return algorithms.get(name).fit(data, algorithms.get(name).paramSpace().resolve(params), context);
    }

    /** A fit with its wall and process CPU seconds and the peak used heap (garbage included). */
    private record Timed(Recommender model, double wallSeconds, double cpuSeconds, long peakHeapBytes) {
        int epochs() {
            Object n = model.params().asMap().getOrDefault("epochs", model.params().asMap().get("iterations"));
            return n == null ? 1 : ((Number) n).intValue();
        }
    }

    private Timed timedFit(String name, TrainingData data, Map<String, Object> overrides) throws Exception {
        System.gc(); // start each fit from a comparable heap
        long cpu = cpuNanos();
        long start = System.nanoTime();
        Recommender model;
        HeapPeakSampler heap = new HeapPeakSampler();
        try {
            model = fit(name, data, overrides);
        } finally {
            heap.close();
        }
        return new Timed(model, (System.nanoTime() - start) / 1e9, (cpuNanos() - cpu) / 1e9,
                heap.peakBytes());
    }

    /** CPU time of the whole process (all threads), robust to other load on the machine. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static List<String> models() {
        return List.of(System.getProperty("models2.models", "popularity,als,item2vec,lightfm,gru4rec").split(","));
    }

    private void topN(TrainingData all) throws Exception {
        Split split = Split.leaveLastOut(all);
        System.out.println("\n## Leave-last-out top-N on ml-100k (" + all.numUsers() + " users, full ranking, seen excluded)\n");
        System.out.println("| model | HR@10 | HR@20 | NDCG@10 | NDCG@20 | fit s (wall) | fit s (CPU) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String name : models()) {
            Timed fit = timedFit(name, split.train(), Map.of());
            Metrics[] m = evaluate(fit.model(), split);
            System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.4f | %.1f | %.1f |%n", name, m[0].hitRate(),
                    m[1].hitRate(), m[0].ndcg(), m[1].ndcg(), fit.wallSeconds(), fit.cpuSeconds());
        }
    }

    /**
     * An incremental update: the model trains without each user's last {@value #NEWER} training
     * events, then (a) serves as is, (b) folds in every user's complete training row, (c) is retrained
     * on the complete training data; all three are scored on the same test events.
     */
    private void foldIn(TrainingData all) throws Exception {
        Split split = Split.leaveLastOut(all);
        TrainingData older = split.train();
        for (int k = 0; k < NEWER; k++) {
            older = Split.leaveLastOut(older).train();
        }
        System.out.println("\n## Incremental update on ml-100k: trained without each user's last " + NEWER
                + " training events, then updated\n");
        System.out.println("| model | update | HR@10 | NDCG@10 | NDCG@20 | update s (CPU) |");
        System.out.println("|---|---|---|---|---|---|");
        for (String name : models()) {
            Timed stale = timedFit(name, older, Map.of());
            if (!(stale.model() instanceof io.recsyslite.core.spi.FoldIn foldIn)) {
                continue;
            }
            printUpdate(name, "none (stale model)", evaluate(stale.model(), split), "-");
            long cpu = cpuNanos();
            Recommender folded = foldIn.foldIn(stale.model().users().ids(), split.train().interactions().userItems());
            printUpdate(name, "fold-in of all users", evaluate(folded, split), String.format(Locale.ROOT, "%.1f",
                    (cpuNanos() - cpu) / 1e9));
            Timed retrained = timedFit(name, split.train(), Map.of());
            printUpdate(name, "full retrain", evaluate(retrained.model(), split), String.format(Locale.ROOT, "%.1f",
                    retrained.cpuSeconds()));
        }
    }

    private static void printUpdate(String name, String update, Metrics[] m, String seconds) {
        System.out.printf(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.4f | %s |%n", name, update, m[0].hitRate(),
                m[0].ndcg(), m[1].ndcg(), seconds);
    }

    /** HR and NDCG at 10 and 20 of the held-out items, full ranking, training items excluded. */
    private static Metrics[] evaluate(Recommender model, Split split) {
        Metrics at10 = new Metrics(10);
        Metrics at20 = new Metrics(20);
        for (int u = 0; u < split.heldOut().length; u++) {
            if (split.heldOut()[u] >= 0) {
                ScoredItems top = model.recommend(u, RecommendRequest.top(20));
                at10.add(top, split.heldOut()[u]);
                at20.add(top, split.heldOut()[u]);
            }
        }
        return new Metrics[] {at10, at20};
    }

    /**
     * Parameter trials scored on a validation split carved from the training data (each user's last
     * training event), so the test events stay untouched by the choice.
     */
    private void tune(TrainingData all) throws Exception {
        Split validation = Split.leaveLastOut(Split.leaveLastOut(all).train());
        System.out.println("\n## Validation split (last training event per user) on ml-100k\n");
        System.out.println("| model | settings | val HR@10 | val NDCG@10 | val NDCG@20 | fit s (CPU) |");
        System.out.println("|---|---|---|---|---|---|");
        for (String trial : System.getProperty("models2.tune", "item2vec|").split(";")) {
            String name = trial.substring(0, trial.indexOf('|')).trim();
            Map<String, Object> overrides = new LinkedHashMap<>();
            for (String pair : trial.substring(trial.indexOf('|') + 1).split(",")) {
                if (pair.contains("=")) {
                    overrides.put(pair.substring(0, pair.indexOf('=')).trim(), pair.substring(pair.indexOf('=') + 1).trim());
                }
            }
            Timed fit = timedFit(name, validation.train(), overrides);
            Metrics[] m = evaluate(fit.model(), validation);
            System.out.printf(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.4f | %.1f |%n", name,
                    overrides.isEmpty() ? "defaults" : overrides, m[0].hitRate(), m[0].ndcg(), m[1].ndcg(),
                    fit.cpuSeconds());
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

    /**
     * 10% of items never appear in training (their metadata stays in the catalogue); users who
     * interacted with them rank the cold items. Next to lightfm: random, and a category-affinity
     * baseline that scores a cold item by the share of the user's training events in its category.
     */
    private void coldStart(TrainingData all) {
        SplittableRandom random = new SplittableRandom(SEED);
        BitSet cold = new BitSet(all.numItems());
        while (cold.cardinality() < all.numItems() / 10) {
            cold.set(random.nextInt(all.numItems()));
        }
        Sequences seq = all.sequences();
        TrainingData train = TrainingDataBuilder.withEvents(all, TrainingDataBuilder.events(seq, (u, p) -> !cold.get(seq.item(p))));
        Recommender model = fit("lightfm", train, Map.of());
        int numCold = cold.cardinality();
        double[] auc = new double[2];
        double[] hits = new double[2];
        double randomHits = 0;
        double fullHits = 0;
        double fullRandomHits = 0;
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
            float[] lightfm = new float[all.numItems()];
            for (int r = 0; r < ranked.size(); r++) {
                lightfm[ranked.item(r)] = -r;
            }
            float[][] scores = {lightfm, categoryAffinity(train, u)};
            for (int s = 0; s < scores.length; s++) {
                auc[s] += auc(scores[s], cold, positives);
                hits[s] += hitAt20(scores[s], cold, positives) ? 1 : 0;
            }
            randomHits += 1 - hypergeometricMiss(numCold, np, 20);
            ScoredItems full = model.recommend(u, RecommendRequest.top(20));
            fullHits += java.util.Arrays.stream(full.items()).anyMatch(positives::get) ? 1 : 0;
            int candidates = all.numItems() - train.interactions().userItems().rowLength(u);
            fullRandomHits += 1 - hypergeometricMiss(candidates, np, 20);
        }
        System.out.println("\n## Cold start: lightfm on a generated shop, " + numCold
                + " of " + all.numItems() + " items held out of training entirely\n");
        System.out.println("| measure (over " + users + " users who interacted with cold items) | lightfm | random"
                + " | category affinity |");
        System.out.println("|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| AUC of cold items | %.4f | 0.5000 | %.4f |%n", auc[0] / users, auc[1] / users);
        System.out.printf(Locale.ROOT, "| HR@20 ranking the cold items only | %.4f | %.4f | %.4f |%n", hits[0] / users,
                randomHits / users, hits[1] / users);
        System.out.printf(Locale.ROOT, "| HR@20 ranking the full catalogue (training items excluded) | %.4f | %.4f | - |%n",
                fullHits / users, fullRandomHits / users);
        System.out.println("\nA hit: at least one of the user's cold items in the top 20. AUC: share of (cold item the user"
                + " interacted with, other cold item) pairs ranked in the right order, ties counting half.");
    }

    /** Per item: the share of the user's training events that fall in the item's category. */
    private static float[] categoryAffinity(TrainingData train, int u) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        Sequences seq = train.sequences();
        for (int p = seq.start(u); p < seq.end(u); p++) {
            counts.merge(train.metadata().category(seq.item(p)), 1, Integer::sum);
        }
        float[] scores = new float[train.numItems()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (float) counts.getOrDefault(train.metadata().category(i), 0) / Math.max(1, seq.length(u));
        }
        return scores;
    }

    private static double auc(float[] scores, BitSet cold, BitSet positives) {
        double correct = 0;
        long pairs = 0;
        for (int i = positives.nextSetBit(0); i >= 0; i = positives.nextSetBit(i + 1)) {
            for (int j = cold.nextSetBit(0); j >= 0; j = cold.nextSetBit(j + 1)) {
                if (!positives.get(j)) {
                    correct += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                    pairs++;
                }
            }
        }
        return correct / pairs;
    }

    /** Whether a positive is among the 20 best-scored cold items (ties broken by item order). */
    private static boolean hitAt20(float[] scores, BitSet cold, BitSet positives) {
        TopK top = new TopK(20);
        top.offerAll(scores, ItemFilter.allow(cold));
        ScoredItems best = top.drain();
        return java.util.Arrays.stream(best.items()).anyMatch(positives::get);
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

    /** Models with epochs train 2 of them (gru4rec 1); ALS its default iterations. */
    private void speed(String label, TrainingData data) throws Exception {
        System.out.println("\n## Training time, " + THREADS + " threads, " + label + ": " + data.numUsers()
                + " users, " + data.numItems() + " items, " + data.interactions().userItems().nnz()
                + " distinct pairs, " + data.sequences().totalEvents() + " events\n");
        System.out.println("| model | epochs | fit s (wall) | fit s (CPU) | s/epoch (wall) | s/epoch (CPU) | peak used heap MB |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String name : models()) {
            boolean hasEpochs = algorithms.get(name).paramSpace().specs().stream().anyMatch(p -> p.name().equals("epochs"));
            Map<String, Object> overrides = hasEpochs ? Map.of("epochs", name.equals("gru4rec") ? 1 : 2) : Map.of();
            Timed fit = timedFit(name, data, overrides);
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.2f | %.2f | %d |%n", name, fit.epochs(),
                    fit.wallSeconds(), fit.cpuSeconds(), fit.wallSeconds() / fit.epochs(),
                    fit.cpuSeconds() / fit.epochs(), fit.peakHeapBytes() >> 20);
        }
    }
}
