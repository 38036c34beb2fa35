/**
 * Top-k search over item vectors, as a plug-in API: an {@link ItemIndexProvider}, registered in
 * {@code META-INF/services/io.recsyslite.core.index.ItemIndexProvider} and found by name through
 * {@link ItemIndexes#discover()}, builds or loads an {@link ItemIndex}. The embedded default is
 * {@link ExactItemIndex} ({@code "exact"}: brute force, the reference for approximate
 * indexes); module {@code recsys-faiss} adds Faiss indexes. {@link IndexOptions} carries the thread
 * count and provider settings, {@link Metric} how scores compare (higher is always better).
 * Filters run inside the search: the exact index returns k items whenever k pass, approximate ones
 * may return fewer.
 *
 * <p>Ownership: an index may hold native memory or threads ({@link ExactItemIndex} owns a pool
 * unless it runs on one thread); always {@link ItemIndex#close()} it. Every index in this project
 * allows concurrent searches.
 */
package io.recsyslite.core.index;
