/**
 * A deterministic synthetic shop for demos, tests and benchmarks. {@link SampleShopGenerator}
 * turns a {@link SampleShopConfig} (events, users, items, categories, seed) into a shop with
 * power-law item popularity, per-user category preferences, sessions and repeat purchases; it
 * streams the events into an {@link EventSink}, builds them into
 * {@link io.recsyslite.core.data.TrainingData} in memory, or writes {@code events.parquet} and
 * {@code items.csv} in the data contract (the CLI's {@code generate-sample}). The same config
 * always yields the same shop. Not meant for production data.
 */
package io.recsyslite.internal.sample;
