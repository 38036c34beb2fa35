/**
 * EASE (Steck 2019), algorithm {@code "ease"}: {@link EaseProvider}, a closed-form item-item
 * linear model. Memory grows with the square of the catalogue and time with its cube, so a
 * catalogue above {@code max_items} (default 20,000) is refused with a clear error instead of
 * running out of memory. Parameters: {@code lambda, max_items}. The model class is package-private
 * and used through the core {@code Recommender} API: immutable, thread-safe, and a
 * {@code FoldIn}; a user's scores are the confidence-weighted sum of their items' rows of the
 * weight matrix.
 */
package io.recsyslite.models.ease;
