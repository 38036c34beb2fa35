/**
 * The most-popular baseline, algorithm {@code "popularity"}: {@link PopularityProvider}. The same
 * ranking for everyone, minus what each user has seen; the baseline every model must beat.
 * Parameter {@code count}: {@code users} (distinct users per item, the default) or
 * {@code confidence}. The model class is package-private and used through the core
 * {@code Recommender} API: immutable, and a {@code FoldIn}.
 */
package io.recsyslite.models.popularity;
