/**
 * {@link StoreIngestLoadRunner} measures the store on generated data: ingest of one large events
 * Parquet file and the load of all events into training data, with peak heap and peak resident
 * memory; not part of the API. Usage is on the class.
 */
package io.recsyslite.benchmarks.store;
