package io.recsyslite.benchmarks.store;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.spi.ProgressListener;
import io.recsyslite.internal.store.IngestReport;
import io.recsyslite.internal.store.RecsysStore;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Measures the store on synthetic data: ingest of one large events Parquet file and the load of
 * all events into {@link TrainingData}. The file is generated with DuckDB SQL: uniform-ish users,
 * power-law item popularity, a year of timestamps, mostly quantity 1.
 *
 * <p>Usage: {@code StoreIngestLoadRunner [events=10000000] [users=200000] [items=50000] [workDir]}.
 * Peak heap is the sum of the heap pools' peak usage per phase (an upper bound: pools peak at
 * different moments); VmHWM is the process's peak resident memory, DuckDB's native memory included.
 */
public final class StoreIngestLoadRunner {
    private StoreIngestLoadRunner() {
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int items = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        Path work = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("store-bench");
        Path parquet = work.resolve("events.parquet");
        Path db = work.resolve("recsys.db");
        Files.deleteIfExists(db);
        Files.deleteIfExists(work.resolve("recsys.db.wal"));

        long t0 = System.nanoTime();
        generate(parquet, events, users, items);
        System.out.printf(Locale.ROOT, "generated %,d events (%,d bytes) in %.1f s%n", events, Files.size(parquet),
                seconds(t0));

        try (RecsysStore store = RecsysStore.open(db)) {
            resetPeaks();
            IngestReport report = store.ingestEvents(parquet, new StageTimer());
            System.out.printf(Locale.ROOT, "ingest: %,d rows in %.2f s, peak heap %s%n", report.rows(), report.seconds(),
                    mb(peakHeap()));

            System.gc();
            resetPeaks();
            long t1 = System.nanoTime();
            TrainingData data = store.loadTrainingData(ConfidenceWeighting.byQuantity(), new StageTimer());
            double loadSeconds = seconds(t1);
            long peak = peakHeap();
            System.gc();
            long retained = usedHeap();
            System.out.printf(Locale.ROOT, "load: %,d users x %,d items, %,d events, nnz %,d in %.2f s, peak heap %s,"
                            + " heap after GC with data alive %s%n", data.numUsers(), data.numItems(),
                    data.sequences().totalEvents(), data.interactions().nnz(), loadSeconds, mb(peak), mb(retained));
        }
        System.out.printf(Locale.ROOT, "process peak RSS (VmHWM): %s, max heap %s%n", vmHwm(),
                mb(Runtime.getRuntime().maxMemory()));
    }

    private static void generate(Path parquet, long events, int users, int items) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            // pow(random(), 3) piles draws onto low item numbers: a few hits, a long tail.
            st.execute("COPY (SELECT 'user_' || (floor(random() * " + users + "))::BIGINT AS user_id, "
                    + "'item_' || (floor(pow(random(), 3) * " + items + "))::BIGINT AS item_id, "
                    + "(1700000000 + floor(random() * 31536000))::BIGINT AS ts, "
                    + "CASE WHEN random() < 0.9 THEN 1 ELSE 2 + floor(random() * 4)::INTEGER END AS qty "
                    + "FROM range(" + events + ")) TO '" + parquet.toAbsolutePath() + "' (FORMAT PARQUET)");
        }
    }

    /** Prints how long each progress stage took, on the stage's first report. */
    private static final class StageTimer implements ProgressListener {
        private String stage;
        private long since = System.nanoTime();
        private long cpuSince = processCpuNanos();
        private long allocatedSince = allocatedBytes();

        private void print() {
            System.out.printf(Locale.ROOT, "  %-9s %6.2f s wall, %6.2f s process CPU, %s allocated by this thread%n",
                    stage, seconds(since), (processCpuNanos() - cpuSince) / 1e9, mb(allocatedBytes() - allocatedSince));
        }

        @Override
        public void update(String next, long done, long total) {
            if (!next.equals(stage)) {
                if (stage != null) {
                    print();
                }
                stage = next;
                since = System.nanoTime();
                cpuSince = processCpuNanos();
                allocatedSince = allocatedBytes();
            }
            if (done == total && total > 0) {
                print();
                stage = null;
                since = System.nanoTime();
                cpuSince = processCpuNanos();
                allocatedSince = allocatedBytes();
            }
        }
    }

    /** CPU time of the whole process, DuckDB's native threads included. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Heap bytes allocated by the calling thread: shows whether loading allocates per event. */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String vmHwm() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmHWM")).map(line -> line.substring(6).trim())
                .findFirst().orElse("n/a");
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
