package io.recsyslite.internal.serving;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters and latency percentiles of a running {@code RecSysEngine}: requests, recommended items,
 * errors, cache hits and misses, and the latencies of the most recent requests (a ring of fixed
 * size, so percentiles follow current behaviour). Thread-safe.
 */
public final class ServiceMetrics {
    private static final int LATENCY_WINDOW = 8192;

    private final long startedNanos = System.nanoTime();
    private final LongAdder requests = new LongAdder();
    private final LongAdder recommendations = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder cacheMisses = new LongAdder();
    private final long[] latencies = new long[LATENCY_WINDOW];
    private long latencyCount;

    /** An immutable reading of the metrics. */
    public record Snapshot(double uptimeSeconds, long requestCount, long recommendationCount, long errorCount,
                           double recommendationsPerSecond, double cacheHitRatio, double p50Millis,
                           double p95Millis, double p99Millis) {
    }

    void recordRequest(long nanos, int items) {
        requests.increment();
        recommendations.add(items);
        synchronized (latencies) {
            latencies[(int) (latencyCount++ % LATENCY_WINDOW)] = nanos;
        }
    }

    void recordError() {
        requests.increment();
        errors.increment();
    }

    void recordCache(boolean hit) {
        (hit ? cacheHits : cacheMisses).increment();
    }

    public Snapshot snapshot() {
        double uptime = (System.nanoTime() - startedNanos) / 1e9;
        long[] window;
        synchronized (latencies) {
            window = Arrays.copyOf(latencies, (int) Math.min(latencyCount, LATENCY_WINDOW));
        }
        Arrays.sort(window);
        long hits = cacheHits.sum();
        long lookups = hits + cacheMisses.sum();
        long recs = recommendations.sum();
        return new Snapshot(uptime, requests.sum(), recs, errors.sum(), uptime > 0 ? recs / uptime : 0,
                lookups == 0 ? 0 : (double) hits / lookups, percentile(window, 0.50), percentile(window, 0.95),
                percentile(window, 0.99));
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
