/**
 * Benchmark runners for the Faiss indexes against the exact index; not part of the API.
 * {@link FaissBenchmark} measures recall@10, latency and QPS on random unit vectors, with nprobe
 * and efSearch sweeps; {@link AlsEmbeddingBenchmark} does the same on trained ALS vectors;
 * {@link FaissCallOverheadJmh} (JMH) times one tiny search through the JavaCPP binding so that
 * {@code benchmarks/faiss/faiss_call_overhead.py} can time the same calls from Python's faiss.
 * Usage is on each class; results are in {@code benchmarks/faiss/RESULTS.md}.
 */
package io.recsyslite.benchmarks.faiss;
