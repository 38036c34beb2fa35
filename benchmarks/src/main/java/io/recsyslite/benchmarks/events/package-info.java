/**
 * Live-event benchmarks: in-process recording throughput with the journal's group commit ({@code
 * RecordingBenchmark}) and the extra latency of answering a user's first request after new events
 * ({@code FreshnessBenchmark}); results in {@code benchmarks/events/RESULTS.md}.
 */
package io.recsyslite.benchmarks.events;
