/**
 * The quality and speed report for item2vec, LightFM and GRU4Rec, with popularity and ALS
 * alongside; not part of the API. {@link Models2Report} runs leave-last-out top-N on MovieLens
 * 100k, next-item prediction against a co-occurrence item-kNN baseline, LightFM cold start on a
 * generated shop, training time and peak heap, fold-in and tuning on a validation split. The
 * command line is on that class; results are in {@code benchmarks/results/models2-ml-100k.md}.
 */
package io.recsyslite.benchmarks.models2;
