package io.recsyslite.benchmarks.faiss;

import io.recsyslite.core.index.ExactItemIndex;
import io.recsyslite.core.index.IndexCalibration;
import io.recsyslite.core.index.IndexOptions;
import io.recsyslite.core.index.ItemIndex;
import io.recsyslite.core.index.ItemIndexProvider;
import io.recsyslite.core.index.ItemIndexes;
import io.recsyslite.core.index.Metric;
import io.recsyslite.core.index.TunableIndex;
import io.recsyslite.core.rank.ItemFilter;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.faiss.FaissItemIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact vs Faiss IVF-Flat vs Faiss HNSW on random unit vectors ({@value #DIM} dims, cosine), or on given
 * vectors ({@link #measure}, used by {@link AlsEmbeddingBenchmark}):
 * recall@10 against the exact index, single-query latency (p50/p99, QPS) and batched QPS, plus
 * recall/latency sweeps over nprobe and efSearch. Single queries run with 1 thread per index (the
 * serving setup: parallelism comes from concurrent requests), batches with all cores. Each Faiss
 * index is built, calibrated to recall@10 0.95 on every other query (as serving does on user
 * vectors), saved, closed and loaded again, and measured on the loaded copy, so
 * {@code faiss_python_bench.py} can measure the very same file from Python. Writes {@code queries.fvecs}, {@code groundtruth.ivecs} and the
 * index files to the output directory; prints Markdown tables to stdout.
 *
 * <p>Usage: {@code FaissBenchmark <items> <outDir> [exact,faiss-ivf-flat,faiss-hnsw]}
 */
public final class FaissBenchmark {
    private static final Logger log = LoggerFactory.getLogger(FaissBenchmark.class);
    static final int DIM = 64;
    private static final int K = 10;
    private static final int QUERIES = 500;
    private static final int WARM_UP = 50;
    private static final int BATCHES = 5;
    private static final int SWEEP_QUERIES = 200;
    private static final double TARGET_RECALL = IndexCalibration.DEFAULT_TARGET_RECALL;

    private final int items;
    private final Path out;
    private final Metric metric;
    private final int threads = Runtime.getRuntime().availableProcessors();
    private final ItemIndexes indexes = ItemIndexes.discover();

    /** A benchmark of {@code items} vectors of {@value #DIM} dims compared by {@code metric}, files in {@code out}. */
    FaissBenchmark(int items, Path out, Metric metric) {
        this.items = items;
        this.out = out;
        this.metric = metric;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: FaissBenchmark <items> <outDir> [index,index,...]");
        }
        List<String> types = args.length > 2 ? List.of(args[2].split(","))
                : List.of(ItemIndexes.EXACT, "faiss-ivf-flat", "faiss-hnsw");
        int items = Integer.parseInt(args[0]);
        new FaissBenchmark(items, Path.of(args[1]), Metric.COSINE).runRandom(types);
    }

    private void runRandom(List<String> types) throws IOException {
        log.info("Generating {} items and {} queries x {} dims", items, QUERIES, DIM);
        measure(randomUnit(items, 1), randomUnit(QUERIES, 2), types);
    }

    /**
     * Measures each index type on {@code vectors} ({@link #items} rows) with {@code queries}, then the
     * nprobe/efSearch sweeps on the first {@value #SWEEP_QUERIES} queries; prints the tables.
     */
    void measure(float[] vectors, float[] queries, List<String> types) throws IOException {
        if (vectors.length != items * DIM || queries.length % DIM != 0) {
            throw new IllegalArgumentException("expected " + items + " x " + DIM + " vectors and " + DIM + "-dim queries");
        }
        Files.createDirectories(out);
        int queryCount = queries.length / DIM;
        VecsFiles.writeFvecs(out.resolve("queries.fvecs"), queries, DIM);
        IndexOptions options = new IndexOptions(threads, Map.of());
        try (ExactItemIndex exact = new ExactItemIndex(vectors, DIM, metric, threads);
                ExactItemIndex exactOneThread = new ExactItemIndex(vectors, DIM, metric, 1)) {
            List<int[]> truth = exact.searchBatch(queries, K, ItemFilter.ALL).stream().map(ScoredItems::items).toList();
            VecsFiles.writeIvecs(out.resolve("groundtruth.ivecs"), truth);
            System.out.printf("%n### %,d items x %d dims, %s, %d queries, k=%d, %d threads%n%n", items, DIM, metric,
                    queryCount, K, threads);
            System.out.println("| index | settings | build s | load s | recall@10 | single p50 ms | single p99 ms "
                    + "| single QPS (1 thread) | batch(" + queryCount + ") p50 ms | batched QPS (" + threads + " threads) |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            for (String type : types) {
                if (type.equals(ItemIndexes.EXACT)) {
                    report(exactOneThread, exact, "-", Double.NaN, Double.NaN, queries, truth);
                } else {
                    benchmarkFaiss(indexes.get(type), vectors, queries, truth, options);
                }
            }
            if (types.contains("faiss-ivf-flat")) {
                int nlist = (int) Math.round(4 * Math.sqrt(items)); // the default rule (uncapped at these sizes)
                sweep("faiss-ivf-flat", "nprobe", List.of(10, 64, nlist / 8, nlist / 4, nlist / 2), queries, truth);
            }
            if (types.contains("faiss-hnsw")) {
                sweep("faiss-hnsw", "efSearch", List.of(64, 128, 256, 512), queries, truth);
            }
        }
    }

    private void benchmarkFaiss(ItemIndexProvider provider, float[] vectors, float[] queries, List<int[]> truth,
            IndexOptions options) throws IOException {
        Path file = out.resolve(provider.name() + ".faiss");
        log.info("Building {}", provider.name());
        long start = System.nanoTime();
        try (ItemIndex built = provider.build(vectors, DIM, metric, options)) {
            double buildSeconds = (System.nanoTime() - start) / 1e9;
            // as serving does: calibrate on queries spread over all of them (every other one; serving
            // takes users evenly spaced over the ids); the saved file keeps the value
            float[] sample = everyOther(queries, 0);
            System.err.println(provider.name() + ": " + ((TunableIndex) built).calibrate(sample, K, TARGET_RECALL));
            List<int[]> heldOutTruth = new ArrayList<>();
            for (int q = 1; q < truth.size(); q += 2) {
                heldOutTruth.add(truth.get(q));
            }
            System.err.printf("%s: recall@%d %.4f on the %d held-out queries%n", provider.name(), K,
                    recall(built.searchBatch(everyOther(queries, 1), K, ItemFilter.ALL), heldOutTruth, heldOutTruth.size()),
                    heldOutTruth.size());
            built.save(file);
            start = System.nanoTime();
            try (ItemIndex loaded = provider.load(file, options);
                    ItemIndex oneThread = provider.load(file, new IndexOptions(1, Map.of()))) {
                double loadSeconds = (System.nanoTime() - start) / 2e9;
                report(oneThread, loaded, ((FaissItemIndex) loaded).describeSettings(), buildSeconds, loadSeconds,
                        queries, truth);
            }
        }
    }

    /** Single queries on {@code oneThread}, recall and batches on {@code allThreads}. */
    private void report(ItemIndex oneThread, ItemIndex allThreads, String settings, double buildSeconds,
            double loadSeconds, float[] queries, List<int[]> truth) {
        ItemIndex index = allThreads;
        log.info("Measuring {}", index.type());
        int queryCount = queries.length / DIM;
        double recall = recall(index.searchBatch(queries, K, ItemFilter.ALL), truth, queryCount);
        LatencyStats single = singleQueries(oneThread, queries, queryCount);
        LatencyStats batched = batches(index, queries);
        System.out.printf("| %s | %s | %s | %s | %.4f | %.3f | %.3f | %.0f | %.1f | %.0f |%n", index.type(), settings,
                seconds(buildSeconds), seconds(loadSeconds), recall, single.p50Millis(), single.p99Millis(), single.qps(),
                batched.p50Millis(), batched.qps());
    }

    /** Recall and single-query latency of a saved index reloaded with one setting changed. */
    private void sweep(String type, String key, List<Integer> values, float[] queries, List<int[]> truth) throws IOException {
        ItemIndexProvider provider = indexes.get(type);
        Path file = out.resolve(type + ".faiss");
        float[] subset = Arrays.copyOf(queries, SWEEP_QUERIES * DIM);
        System.out.printf("%n| %s %s | recall@10 | single p50 ms | single QPS |%n|---|---|---|---|%n", type, key);
        for (int value : values) {
            try (ItemIndex index = provider.load(file, new IndexOptions(1, Map.of(key, Integer.toString(value))))) {
                double recall = recall(index.searchBatch(subset, K, ItemFilter.ALL), truth, SWEEP_QUERIES);
                LatencyStats single = singleQueries(index, subset, SWEEP_QUERIES);
                System.out.printf("| %d | %.4f | %.3f | %.0f |%n", value, recall, single.p50Millis(), single.qps());
            }
        }
    }

    private static LatencyStats singleQueries(ItemIndex index, float[] queries, int count) {
        for (int q = 0; q < WARM_UP; q++) {
            index.search(row(queries, q), K, ItemFilter.ALL);
        }
        long[] nanos = new long[count];
        for (int q = 0; q < count; q++) {
            float[] query = row(queries, q);
            long start = System.nanoTime();
            index.search(query, K, ItemFilter.ALL);
            nanos[q] = System.nanoTime() - start;
        }
        return LatencyStats.ofSingleQueries(nanos);
    }

    private static LatencyStats batches(ItemIndex index, float[] queries) {
        index.searchBatch(queries, K, ItemFilter.ALL);
        long[] nanos = new long[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            long start = System.nanoTime();
            index.searchBatch(queries, K, ItemFilter.ALL);
            nanos[b] = System.nanoTime() - start;
        }
        return LatencyStats.ofBatches(nanos, queries.length / DIM);
    }

    private static double recall(List<ScoredItems> found, List<int[]> truth, int count) {
        long hits = 0;
        for (int q = 0; q < count; q++) {
            int[] expected = truth.get(q);
            hits += Arrays.stream(found.get(q).items()).filter(i -> Arrays.stream(expected).anyMatch(e -> e == i)).count();
        }
        return hits / (double) (count * K);
    }

    /** The query rows {@code first}, {@code first + 2}, ... */
    private static float[] everyOther(float[] queries, int first) {
        int n = queries.length / DIM;
        float[] out = new float[(n - first + 1) / 2 * DIM];
        for (int q = first, i = 0; q < n; q += 2, i++) {
            System.arraycopy(queries, q * DIM, out, i * DIM, DIM);
        }
        return out;
    }

    private static float[] row(float[] rows, int q) {
        return Arrays.copyOfRange(rows, q * DIM, (q + 1) * DIM);
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "-" : String.format("%.1f", s);
    }

    /** Seeded Gaussian rows scaled to unit length: no cluster structure, the hard case for ANN. */
    static float[] randomUnit(int n, long seed) {
        Random random = new Random(seed);
        float[] v = new float[Math.multiplyExact(n, DIM)];
        for (int off = 0; off < v.length; off += DIM) {
            double norm = 0;
            for (int d = 0; d < DIM; d++) {
                float x = (float) random.nextGaussian();
                v[off + d] = x;
                norm += x * x;
            }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < DIM; d++) {
                v[off + d] *= inv;
            }
        }
        return v;
    }
}
