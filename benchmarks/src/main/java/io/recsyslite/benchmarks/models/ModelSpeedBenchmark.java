package io.recsyslite.benchmarks.models;

import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

/**
 * Training and serving speed of the matrix models on a synthetic shop (default 200k users x 50k
 * items x 10M interactions). Usage: {@code ModelSpeedBenchmark als|bpr|ease|latency|heap [users
 * items interactions [csr-dir]]}. {@code als}/{@code bpr}: seconds per iteration/epoch at 64
 * factors, 1 and 2 threads alternating, medians, and process CPU per interaction. {@code ease}: two
 * fits with lambda 500 on 2 threads; with {@code csr-dir} it first writes the matrix there for
 * {@code benchmarks/training/ease_numpy.py}. {@code latency}: single-threaded recommend() p50/p99
 * on the exact path. {@code heap}: peak heap of one ALS fit (run with a small -Xmx to prove the
 * bound). See {@code benchmarks/training/run.sh}.
 */
public final class ModelSpeedBenchmark {
    private static final int ROUNDS = 2;
    private static final int EPOCHS_PER_FIT = 2;

    private ModelSpeedBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args.length > 0 ? args[0] : "als";
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int items = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        long interactions = args.length > 3 ? Long.parseLong(args[3]) : 10_000_000L;
        long start = System.nanoTime();
        TrainingData data = SyntheticShop.generate(users, items, interactions, 1);
        System.out.printf("data: %d users x %d items, %d interactions, generated in %.1f s%n", data.numUsers(),
                data.numItems(), data.interactions().nnz(), (System.nanoTime() - start) / 1e9);
        switch (mode) {
            case "als" -> epochTimes("als", data, Map.of("factors", 64, "iterations", EPOCHS_PER_FIT));
            case "bpr" -> epochTimes("bpr", data, Map.of("factors", 64, "epochs", EPOCHS_PER_FIT));
            case "ease" -> ease(data, args.length > 4 ? Path.of(args[4]) : null);
            case "latency" -> latency(data);
            case "heap" -> heap(data);
            default -> throw new IllegalArgumentException("mode must be als, bpr, ease, latency or heap: " + mode);
        }
    }

    /** Fits alternately with 1 and 2 threads, timing every epoch; prints the medians. */
    private static void epochTimes(String algorithm, TrainingData data, Map<String, Object> params) {
        RecommenderProvider provider = Algorithms.discover().get(algorithm);
        int[] threadCounts = {1, 2};
        List<List<Double>> times = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<Double>> cpuTimes = List.of(new ArrayList<>(), new ArrayList<>());
        for (int round = 0; round < ROUNDS; round++) {
            for (int t = 0; t < threadCounts.length; t++) {
                List<Double> out = times.get(t);
                List<Double> cpuOut = cpuTimes.get(t);
                int threads = threadCounts[t];
                long[] last = {System.nanoTime(), processCpuNanos()};
                TrainingContext context = TrainingContext.singleThreaded(42).withThreads(threads)
                        .withEpochs((epoch, model) -> {
                            long now = System.nanoTime();
                            long cpu = processCpuNanos();
                            out.add((now - last[0]) / 1e9);
                            cpuOut.add((cpu - last[1]) / 1e9);
                            System.out.printf("%s threads=%d epoch %d: %.2f s wall, %.2f s cpu%n", algorithm, threads,
                                    epoch, (now - last[0]) / 1e9, (cpu - last[1]) / 1e9);
                            last[0] = now;
                            last[1] = cpu;
                        });
                provider.fit(data, provider.paramSpace().resolve(params), context);
            }
        }
        for (int t = 0; t < threadCounts.length; t++) {
            System.out.printf("%s %s threads=%d: median %.2f s wall, %.2f s cpu per epoch over %d epochs%n",
                    algorithm, params, threadCounts[t], median(times.get(t)), median(cpuTimes.get(t)),
                    times.get(t).size());
        }
        System.out.printf("%s speed-up 2 threads vs 1: %.2fx; process CPU per interaction and epoch, 2 threads: "
                + "%.2f us%n", algorithm, median(times.get(0)) / median(times.get(1)),
                median(cpuTimes.get(1)) * 1e6 / data.interactions().nnz());
    }

    /** Two EASE fits (lambda 500, 2 threads), wall and process CPU; the CSR matrix for numpy first. */
    private static void ease(TrainingData data, Path csrDir) throws IOException {
        CsrMatrix matrix = data.interactions().userItems();
        if (csrDir != null) {
            Files.createDirectories(csrDir);
            writeInts(csrDir.resolve("indptr.i32"), matrix.rows() + 1, matrix::start);
            writeInts(csrDir.resolve("indices.i32"), matrix.nnz(), matrix::col);
        }
        RecommenderProvider ease = Algorithms.discover().get("ease");
        Params params = ease.paramSpace().resolve(Map.of("lambda", 500, "max_items", data.numItems()));
        for (int round = 1; round <= ROUNDS; round++) {
            long wall = System.nanoTime();
            long cpu = processCpuNanos();
            ease.fit(data, params, TrainingContext.singleThreaded(42).withThreads(2));
            System.out.printf("ease fit %d items, lambda 500, 2 threads, round %d: %.2f s wall, %.2f s cpu%n",
                    data.numItems(), round, (System.nanoTime() - wall) / 1e9, (processCpuNanos() - cpu) / 1e9);
        }
    }

    /** {@code n} little-endian int32 values, for numpy's {@code fromfile(dtype='<i4')}. */
    private static void writeInts(Path file, int n, IntUnaryOperator value) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < n; k++) {
            buffer.putInt(value.applyAsInt(k));
        }
        Files.write(file, buffer.array());
    }

    /** recommend() latency, single caller thread, exact scoring over every item. */
    private static void latency(TrainingData data) {
        RecommenderProvider als = Algorithms.discover().get("als");
        Recommender model = als.fit(data, als.paramSpace().resolve(Map.of("factors", 64, "iterations", 1)),
                TrainingContext.defaults());
        SplittableRandom random = new SplittableRandom(5);
        RecommendRequest request = RecommendRequest.top(10);
        for (int w = 0; w < 2000; w++) {
            model.recommend(random.nextInt(data.numUsers()), request);
        }
        int n = 5000;
        double[] micros = new double[n];
        for (int q = 0; q < n; q++) {
            int user = random.nextInt(data.numUsers());
            long t0 = System.nanoTime();
            model.recommend(user, request);
            micros[q] = (System.nanoTime() - t0) / 1e3;
        }
        Arrays.sort(micros);
        System.out.printf("als recommend(k=10) over %d items x 64 factors, 1 thread: p50 %.0f us, p99 %.0f us%n",
                data.numItems(), micros[n / 2], micros[(int) (n * 0.99)]);
    }

    /** Peak heap (sum of the pools' peaks, an upper bound) while fitting ALS once. */
    private static void heap(TrainingData data) {
        System.gc();
        long before = usedHeap();
        List<MemoryPoolMXBean> pools = heapPools();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        RecommenderProvider als = Algorithms.discover().get("als");
        Recommender model = als.fit(data, als.paramSpace().resolve(Map.of("factors", 64, "iterations", 2)),
                TrainingContext.defaults());
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.gc();
        long after = usedHeap();
        System.out.printf("heap: data %d MB before fit, peak <= %d MB during fit, %d MB after (model %s), max heap %d MB%n",
                before >> 20, peak >> 20, after >> 20, model.algorithm(), Runtime.getRuntime().maxMemory() >> 20);
    }

    /** CPU time of the whole process: unlike wall time, barely affected by other processes on the box. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
