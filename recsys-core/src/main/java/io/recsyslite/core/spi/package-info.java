/**
 * The algorithm plug-in API. A {@link RecommenderProvider}, registered in
 * {@code META-INF/services/io.recsyslite.core.spi.RecommenderProvider} and found by name through
 * {@link Algorithms#discover()}, declares its hyperparameters as a {@link ParamSpace} of
 * {@link ParamSpec}s, fits a {@link Recommender} from training data with resolved {@link Params}
 * and a {@link TrainingContext} (threads, seed, {@link ProgressListener}, {@link EpochListener}),
 * and loads a saved one. Trainers use their own pool of {@code threads} threads, never the common
 * pool. A {@link Recommender} works on dense ints and is immutable and thread-safe after fitting;
 * optional capabilities are {@link EmbeddingModel} (servable through an item index),
 * {@link FoldIn} (absorb new interactions without a retrain) and {@link Explainer} (the history
 * items behind a recommendation). {@link ScoringRecommender}, {@link ExplainingRecommender},
 * {@link ModelData} and {@link FoldInUsers} are building blocks for implementations, not for callers.
 */
package io.recsyslite.core.spi;
