/**
 * The RecSys-Lite model API (module {@code recsys-core}): what algorithms, item indexes and callers
 * share; core never names an algorithm, it finds them with {@link java.util.ServiceLoader}. This
 * package holds only {@link LibraryVersion}, the version written into every {@code model.json}.
 * Start in the subpackages: {@code spi} (a trained {@code Recommender}, the
 * {@code RecommenderProvider} plug-in and {@code Algorithms} to find providers by name),
 * {@code data} (ids, interactions, training data), {@code rank} (requests, filters, results),
 * {@code index} (top-k over item vectors), {@code artifact} (model directories on disk) and
 * {@code error} (the exceptions a caller can cause). These are the API of an algorithm's author;
 * a shop uses the {@code io.recsyslite} facade of recsys-store. Packages under {@code internal}
 * (building training data, offline evaluation, tuning, file helpers) serve the library's own
 * modules and may change in any release.
 */
package io.recsyslite.core;
