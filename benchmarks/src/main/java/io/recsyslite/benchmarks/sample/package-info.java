/**
 * {@link SampleShopSpeed} times the synthetic shop generator (streaming the events, building
 * training data in memory, writing {@code events.parquet} and {@code items.csv}); not part of the
 * API. Run it with
 * {@code REPORT_MAIN=io.recsyslite.benchmarks.sample.SampleShopSpeed benchmarks/run-report.sh EVENTS RUNS}.
 */
package io.recsyslite.benchmarks.sample;
