/**
 * The facade a shop embeds, and the jobs around it. {@link RecSysEngine}, configured by
 * {@link RecSysConfig}, serves {@link Recommendations} and similar items as
 * {@link Recommendations.Item}s with catalogue data joined in, applies {@link RecommendOptions}
 * (categories, price range, in stock, deny list) inside the top-k, swaps models while serving and
 * answers GDPR export and erasure. It is thread-safe, opens the DuckDB file only while an operation
 * needs it, and holds the live model (and, when enabled, an access-audit thread) until
 * {@code close()}.
 * {@link Trainer} trains from the store and saves a model, {@link Optimizer} tunes one,
 * {@link UpdateWorker} keeps a saved model current (ingest, fold-in, periodic retrain; run it from
 * one thread) and {@link Gdpr} exports and erases users in the store and in model directories. The
 * package-private classes (model loading, business filters, result cache, access audit) are not
 * part of the API.
 */
package io.recsyslite.internal.serving;

import io.recsyslite.RecSysConfig;
import io.recsyslite.RecommendOptions;
import io.recsyslite.Recommendations;
