package io.recsyslite.benchmarks.serving;

import io.recsyslite.RecSysConfig;
import io.recsyslite.RecommendOptions;
import io.recsyslite.TrainRequest;
import io.recsyslite.core.index.IndexOptions;
import io.recsyslite.internal.sample.SampleShopConfig;
import io.recsyslite.internal.sample.SampleShopGenerator;
import io.recsyslite.internal.serving.RecSysEngine;
import io.recsyslite.internal.serving.Trainer;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.ProgressListener;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.internal.store.RecsysStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Batch top-k speed: {@code RecSysEngine.recommendAll} (k = 20, seen items excluded, Parquet output)
 * against its peer in the same run, {@code recommend()} called once per user on the same number of
 * threads (the cache off), on ALS with 64 factors over a sample shop. Prints users per second
 * (wall) and process CPU seconds of each, and the load average.
 *
 * <p>Usage: {@code RecommendAllBenchmark [items=50000] [events=1000000] [threads=2] [workDir]}
 * (the sample shop has one user per 20 events).
 */
public final class RecommendAllBenchmark {
    private static final int K = 20;

    private RecommendAllBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        long events = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path work = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("recommend-all-bench");
        Path db = work.resolve("recsys.db");
        Path model = work.resolve("model");
        prepare(items, events, threads, work, db, model);
        RecSysConfig config = RecSysConfig.defaults(db).withIndex("exact", new IndexOptions(threads, Map.of()))
                .withCacheExpiry(Duration.ZERO).withAccessAuditInterval(Duration.ZERO);
        try (RecSysEngine recSys = RecSysEngine.open(config, model)) {
            int users = SampleShopConfig.ofEvents(events).withItems(items).users();
            for (int round = 1; round <= 2; round++) {
                long cpu = cpuNanos();
                long start = System.nanoTime();
                recSys.recommendAll(K, RecommendOptions.defaults(), work.resolve("recs.parquet"), ProgressListener.NONE);
                report("recommendAll (round " + round + ")", users, start, cpu);
                cpu = cpuNanos();
                start = System.nanoTime();
                perUser(recSys, users, threads);
                report("recommend() per user, " + threads + " threads (round " + round + ")", users, start, cpu);
            }
        }
    }

    private static void prepare(int items, long events, int threads, Path work, Path db, Path model) throws IOException {
        Path data = work.resolve("data");
        new SampleShopGenerator(SampleShopConfig.ofEvents(events).withItems(items)).writeTo(data);
        try (RecsysStore store = RecsysStore.open(db)) {
            store.ingestItems(data.resolve("items.csv"));
            store.ingestEvents(data.resolve("events.parquet"));
            new Trainer(Algorithms.discover()).train(store, TrainRequest.of("als", model)
                    .withParams(Map.of("factors", 64, "iterations", 2)).withContext(TrainingContext.defaults().withThreads(threads)));
        }
    }

    private static void perUser(RecSysEngine recSys, int users, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (int u = next.getAndIncrement(); u < users; u = next.getAndIncrement()) {
                    recSys.recommend("user_" + u, K, RecommendOptions.defaults());
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
    }

    private static void report(String what, int users, long startNanos, long cpuStartNanos) {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        double cpu = (cpuNanos() - cpuStartNanos) / 1e9;
        System.out.printf("%-45s %,8d users  %7.2f s wall  %7.2f s CPU  %,9.0f users/s  load %.1f%n", what, users, wall,
                cpu, users / wall, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
