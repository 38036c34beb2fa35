/**
 * Faiss indexes behind the core {@link io.recsyslite.core.index.ItemIndex} SPI: {@code faiss-flat},
 * {@code faiss-ivf-flat} and {@code faiss-hnsw}, found by {@link java.util.ServiceLoader} through
 * {@link io.recsyslite.faiss.FaissIndexProvider}.
 *
 * <p>The binding ({@code internal.FaissLibrary}) is a hand-written JavaCPP mapping compiled during
 * the module's build against Debian's static {@code libfaiss.a} (package {@code libfaiss-dev}),
 * OpenBLAS and libgomp. The JNI library ships inside the jar; at run time it needs only
 * {@code libopenblas0} and {@code libgomp1}. It is loaded on the first {@code build}/{@code load},
 * never during discovery; where it cannot load, those calls throw a
 * {@link io.recsyslite.core.error.RecsysException} naming the packages to install, and the exact
 * index keeps working.
 *
 * <p>Settings ({@link io.recsyslite.core.index.IndexOptions#settings()}): {@code nlist},
 * {@code nprobe} (IVF), {@code M}, {@code efConstruction}, {@code efSearch} (HNSW); defaults and
 * why are on {@code FaissSettings}. {@code IndexOptions.threads()} becomes the OpenMP thread count
 * of each native call; see {@link io.recsyslite.faiss.FaissItemIndex} for why it is set per call.
 */
package io.recsyslite.faiss;
