package io.recsyslite.benchmarks.faiss;

import java.util.Arrays;

/** Latency percentiles and throughput of a run of timed calls. */
record LatencyStats(double p50Millis, double p99Millis, double qps) {

    /** From per-query latencies in nanoseconds, run back to back. */
    static LatencyStats ofSingleQueries(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        long total = Arrays.stream(nanos).sum();
        return new LatencyStats(percentile(sorted, 0.50), percentile(sorted, 0.99), nanos.length / (total / 1e9));
    }

    /** From whole-batch timings: the latency is that of a batch, qps counts queries. */
    static LatencyStats ofBatches(long[] batchNanos, int queriesPerBatch) {
        long[] sorted = batchNanos.clone();
        Arrays.sort(sorted);
        long total = Arrays.stream(batchNanos).sum();
        return new LatencyStats(percentile(sorted, 0.50), percentile(sorted, 0.99),
                (double) batchNanos.length * queriesPerBatch / (total / 1e9));
    }

    private static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }
}
