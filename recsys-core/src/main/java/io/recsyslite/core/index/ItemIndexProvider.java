package io.recsyslite.core.index;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A kind of item index, discovered with {@link java.util.ServiceLoader} under
 * {@code META-INF/services/io.recsyslite.core.index.ItemIndexProvider}.
 */
public interface ItemIndexProvider {
    /** Unique name, e.g. "exact", "faiss-ivf-flat". */
    String name();

    /**
     * Builds an index over {@code vectors} (row-major {@code n x dim}; row i is item i). The array
     * is not kept or modified.
     */
    ItemIndex build(float[] vectors, int dim, Metric metric, IndexOptions options);

    /** Loads an index written by {@link ItemIndex#save}. */
    ItemIndex load(Path file, IndexOptions options) throws IOException;
}
