/**
 * Item-based k-nearest neighbours, algorithm {@code "itemknn"}: {@link ItemKnnProvider}. Cosine
 * similarity, with shrinkage, between the item columns of the interaction matrix (optionally TF-IDF
 * or BM25 weighted), keeping the top {@code neighbours} per item; computed in parallel from sparse
 * co-occurrences, never as a dense item x item matrix, with a result independent of the thread
 * count. Parameters: {@code neighbours, shrinkage, weighting, bm25_k1, bm25_b}. The model class is
 * package-private and used through the core {@code Recommender} API: immutable, thread-safe, and a
 * {@code FoldIn}.
 */
package io.recsyslite.models.itemknn;
