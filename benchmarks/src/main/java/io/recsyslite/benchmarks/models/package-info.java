/**
 * Speed of the matrix models on a generated power-law shop (200k users x 50k items x 10M
 * interactions by default). Run after {@code mvn -pl benchmarks -am install -DskipTests}:
 * {@code java -cp <benchmarks classpath> io.recsyslite.benchmarks.models.ModelSpeedBenchmark als|bpr|latency|heap}.
 * Each mode prints wall and process-CPU seconds; on a shared box quote the CPU figure and medians.
 */
package io.recsyslite.benchmarks.models;
