/**
 * {@link Settings}: the configuration of the example applications from the product spec's
 * environment variables ({@code MODEL_DIR}, {@code DB_PATH}, {@code LOG_LEVEL},
 * {@code MAX_RECOMMENDATIONS}, {@code CACHE_EXPIRY}, {@code FAISS_NPROBE}, {@code THREADS},
 * {@code FAISS_USE_THREADS}) with their defaults; command-line options override them. Part of the
 * examples, not of the library API.
 */
package io.recsyslite.examples.config;
