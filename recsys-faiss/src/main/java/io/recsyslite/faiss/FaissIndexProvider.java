package io.recsyslite.faiss;

import io.recsyslite.core.index.IndexOptions;
import io.recsyslite.core.index.ItemIndex;
import io.recsyslite.core.index.ItemIndexProvider;
import io.recsyslite.core.index.Metric;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Base of the three Faiss providers registered for {@link java.util.ServiceLoader}. Creating a
 * provider never touches native code; {@link #build} and {@link #load} load the native library
 * first and fail with a {@link io.recsyslite.core.error.RecsysException} naming the packages to
 * install when it is missing. Stateless and thread-safe.
 */
public abstract class FaissIndexProvider implements ItemIndexProvider {
    private final FaissIndexType type;

    protected FaissIndexProvider(FaissIndexType type) {
        this.type = type;
    }

    @Override
    public String name() {
        return type.providerName();
    }

    @Override
    public ItemIndex build(float[] vectors, int dim, Metric metric, IndexOptions options) {
        FaissNative.require();
        return FaissItemIndex.build(type, vectors, dim, metric, options);
    }

    @Override
    public ItemIndex load(Path file, IndexOptions options) throws IOException {
        FaissNative.require();
        return FaissItemIndex.load(type, file, options);
    }

    /** {@code faiss-flat}: exhaustive search in Faiss. */
    public static final class Flat extends FaissIndexProvider {
        public Flat() {
            super(FaissIndexType.FLAT);
        }
    }

    /** {@code faiss-ivf-flat}: inverted lists; settings {@code nlist}, {@code nprobe}. */
    public static final class IvfFlat extends FaissIndexProvider {
        public IvfFlat() {
            super(FaissIndexType.IVF_FLAT);
        }
    }

    /** {@code faiss-hnsw}: HNSW graph; settings {@code M}, {@code efConstruction}, {@code efSearch}. */
    public static final class Hnsw extends FaissIndexProvider {
        public Hnsw() {
            super(FaissIndexType.HNSW);
        }
    }
}
