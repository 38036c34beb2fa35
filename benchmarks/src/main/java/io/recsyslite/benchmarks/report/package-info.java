/**
 * The quality report; not part of the API. {@link QualityReport} fits every registered algorithm
 * (or those given) on one dataset, the synthetic shop or a MovieLens {@code u.data}, evaluates each
 * under the core {@code BenchmarkProtocol}, and prints and writes a Markdown table and a CSV with
 * fit time and peak heap ({@link HeapPeakSampler}). Run it with {@code benchmarks/run-report.sh};
 * options are in {@code benchmarks/README.md}.
 */
package io.recsyslite.benchmarks.report;
