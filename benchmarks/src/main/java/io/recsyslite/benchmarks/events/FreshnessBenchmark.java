package io.recsyslite.benchmarks.events;

import io.recsyslite.LiveEvent;
import io.recsyslite.RecSysConfig;
import io.recsyslite.RecommendOptions;
import io.recsyslite.Recommendations;
import io.recsyslite.TrainRequest;
import io.recsyslite.internal.serving.RecSysEngine;
import io.recsyslite.internal.serving.Trainer;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.internal.store.RecsysStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Freshness of the live loop on MovieLens 100k with ALS at 64 factors: for {@code USERS} random
 * users (timestamps moved 800,000,000 s later: the store refuses times before 2000), record a purchase of the item at the top of their list, then time the next
 * {@code recommend} (which folds the user in on demand) and check it no longer returns the item.
 * The peer, in the same run, is the same user's {@code recommend} with nothing new (cache off, so
 * every call scores). Besides wall-clock latencies it reports the calling thread's CPU time per
 * call: on a loaded machine the wall-clock tails are mostly waiting for a core, the CPU time is the
 * work itself. Usage: {@code FreshnessBenchmark U_DATA [USERS=500]}.
 */
public final class FreshnessBenchmark {
    private FreshnessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path uData = Path.of(args[0]);
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path work = Files.createTempDirectory("recsys-freshness");
        Path events = work.resolve("events.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT 'user_' || column0 AS user_id, 'item_' || column1 AS item_id, column3::BIGINT + 800000000 AS ts,"
                    + " 1 AS qty FROM read_csv('" + uData.toAbsolutePath() + "', delim = '\\t', header = false))"
                    + " TO '" + events + "' (FORMAT PARQUET)");
        }
        Path db = work.resolve("recsys.db");
        Path model = work.resolve("model");
        try (RecsysStore store = RecsysStore.open(db)) {
            store.ingestEvents(events);
            new Trainer(Algorithms.discover()).train(store, TrainRequest.of("als", model).withParams(Map.of("factors", 64))
                    .withContext(TrainingContext.singleThreaded(1)));
        }
        RecommendOptions options = RecommendOptions.defaults();
        try (RecSysEngine recSys = RecSysEngine.open(RecSysConfig.defaults(db).withCacheExpiry(Duration.ZERO)
                .withAccessAuditInterval(Duration.ZERO), model)) {
            SplittableRandom random = new SplittableRandom(7);
            for (int warm = 0; warm < 200; warm++) { // JIT warm-up of both measured paths
                String user = "user_" + (1 + random.nextInt(943));
                String top = recSys.recommend(user, 10, options).items().get(0).itemId();
                recSys.record(LiveEvent.ofUser(user, top, "view"));
                recSys.recommend(user, 10, options);
            }
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            long[] plain = new long[users];
            long[] fresh = new long[users];
            long[] plainCpu = new long[users];
            long[] freshCpu = new long[users];
            int reflected = 0;
            for (int n = 0; n < users; n++) {
                String user = "user_" + (1 + random.nextInt(943));
                long c0 = cpu.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                String top = recSys.recommend(user, 10, options).items().get(0).itemId();
                plain[n] = System.nanoTime() - t0;
                plainCpu[n] = cpu.getCurrentThreadCpuTime() - c0;
                recSys.record(LiveEvent.ofUser(user, top, "purchase"));
                long c1 = cpu.getCurrentThreadCpuTime();
                long t1 = System.nanoTime();
                boolean gone = recSys.recommend(user, 10, options).items().stream()
                        .map(Recommendations.Item::itemId).noneMatch(top::equals);
                fresh[n] = System.nanoTime() - t1;
                freshCpu[n] = cpu.getCurrentThreadCpuTime() - c1;
                reflected += gone ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "%d users: the next recommend reflected the new event for %d%n", users, reflected);
            System.out.printf(Locale.ROOT, "recommend, nothing new (peer): p50 %.2f ms, p99 %.2f ms%n", ms(plain, 50), ms(plain, 99));
            System.out.printf(Locale.ROOT, "recommend right after an event (on-demand fold-in): p50 %.2f ms, p99 %.2f ms%n",
                    ms(fresh, 50), ms(fresh, 99));
            long[] extra = new long[users];
            long[] extraCpu = new long[users];
            for (int n = 0; n < users; n++) {
                extra[n] = fresh[n] - plain[n];
                extraCpu[n] = freshCpu[n] - plainCpu[n];
            }
            System.out.printf(Locale.ROOT, "extra latency of the fold-in: p50 %.2f ms, p99 %.2f ms%n", ms(extra, 50), ms(extra, 99));
            System.out.printf(Locale.ROOT, "CPU time of the calling thread, nothing new: p50 %.2f ms, p99 %.2f ms;"
                    + " after an event: p50 %.2f ms, p99 %.2f ms; extra: p50 %.2f ms, p99 %.2f ms%n",
                    ms(plainCpu, 50), ms(plainCpu, 99), ms(freshCpu, 50), ms(freshCpu, 99), ms(extraCpu, 50),
                    ms(extraCpu, 99));
        }
    }

    private static double ms(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
