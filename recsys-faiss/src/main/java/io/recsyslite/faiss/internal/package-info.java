/**
 * The hand-written JavaCPP binding to the few parts of Faiss the indexes use,
 * {@link FaissLibrary}; internal plumbing, not part of the API (use the indexes through the core
 * {@code ItemIndex} SPI). Ownership: {@code Index} pointers from {@code index_factory} or
 * {@code read_index} belong to the caller and must be freed exactly once with {@code delete};
 * closing or garbage-collecting the Java peer does not free them. Thread-safety is that of Faiss:
 * concurrent searches on one index are safe, anything that mutates it must run alone.
 */
package io.recsyslite.faiss.internal;
