/**
 * Batch serving benchmark: top-k for every user written to Parquet ({@code
 * RecommendAllBenchmark}).
 */
package io.recsyslite.benchmarks.serving;
