package io.recsyslite.benchmarks.events;

import io.recsyslite.LiveEvent;
import io.recsyslite.RecSysConfig;
import io.recsyslite.internal.serving.RecSysEngine;
import io.recsyslite.internal.store.RecsysStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * In-process event recording, batched, from several threads for a fixed time:
 * <ul>
 *   <li>{@code record DB SECONDS THREADS BATCH}: {@link RecSysEngine#record} (journal with group commit,
 *       moved into DuckDB every second); prints the acknowledged count every 10 ms as
 *       {@code acked N} so that a {@code kill -9} test knows a lower bound of what was acknowledged;</li>
 *   <li>{@code peer DB SECONDS THREADS BATCH}: the peer, each batch appended straight into a DuckDB
 *       table and committed (one connection, batches take turns);</li>
 *   <li>{@code count DB}: opens a RecSysEngine (which takes over a journal left by a killed process),
 *       closes it (moving the journal into the store) and prints the stored event count.</li>
 * </ul>
 */
public final class RecordingBenchmark {
    private RecordingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[1]);
        if (args[0].equals("count")) {
            RecSysEngine.open(RecSysConfig.defaults(db).withAccessAuditInterval(Duration.ZERO)).close();
            try (RecsysStore store = RecsysStore.open(db)) {
                System.out.println("stored " + store.eventCount());
            }
            return;
        }
        double seconds = Double.parseDouble(args[2]);
        int threads = Integer.parseInt(args[3]);
        int batch = Integer.parseInt(args[4]);
        AtomicLong acked = new AtomicLong();
        Thread reporter = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.out.println("acked " + acked.get());
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        reporter.setDaemon(true);
        if (args[0].equals("record")) {
            try (RecSysEngine recSys = RecSysEngine.open(RecSysConfig.defaults(db).withAccessAuditInterval(Duration.ZERO))) {
                reporter.start();
                measure("record", threads, batch, seconds, acked, t -> {
                    recSys.record(batch(t, batch, acked.get()));
                    acked.addAndGet(batch);
                });
                reporter.interrupt();
                long closing = System.nanoTime();
                recSys.flushEvents();
                System.out.printf(Locale.ROOT, "record: the rest of the journal moved into the store in %.1f s%n",
                        (System.nanoTime() - closing) / 1e9);
            }
        } else {
            try (Connection conn = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath())) {
                conn.createStatement().execute("CREATE TABLE IF NOT EXISTS peer_events(user_id VARCHAR, "
                        + "item_id VARCHAR, ts BIGINT, qty INTEGER, event_type VARCHAR)");
                measure("peer", threads, batch, seconds, acked, t -> {
                    synchronized (conn) {
                        append((DuckDBConnection) conn, batch(t, batch, acked.get()));
                    }
                    acked.addAndGet(batch);
                });
            }
        }
    }

    private static void measure(String name, int threads, int batch, double seconds, AtomicLong acked, Work work)
            throws InterruptedException {
        long cpu0 = cpuNanos();
        long start = System.nanoTime();
        run(threads, start + (long) (seconds * 1e9), work);
        double wall = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d events in %.1f s = %.0f events/s, process CPU %.1f s (%d threads, batch %d)%n",
                name, acked.get(), wall, acked.get() / wall, (cpuNanos() - cpu0) / 1e9, threads, batch);
    }

    private interface Work {
        void run(int thread) throws Exception;
    }

    private static void run(int threads, long end, Work work) throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread w = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        work.run(thread);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
    }

    private static List<LiveEvent> batch(int thread, int size, long salt) {
        List<LiveEvent> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            long n = salt + i;
            events.add(LiveEvent.ofUser("user_" + thread + "_" + (n % 5000), "item_" + (n * 31 % 2000),
                    i % 10 == 0 ? "purchase" : "view"));
        }
        return events;
    }

    private static void append(DuckDBConnection conn, List<LiveEvent> events) throws SQLException {
        conn.setAutoCommit(false);
        try (DuckDBAppender appender = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "peer_events")) {
            long now = System.currentTimeMillis() / 1000;
            for (LiveEvent e : events) {
                appender.beginRow();
                appender.append(e.userId());
                appender.append(e.itemId());
                appender.append(now);
                appender.append(1);
                appender.append(e.eventType());
                appender.endRow();
            }
        }
        conn.commit();
        conn.setAutoCommit(true);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
