package io.recsyslite.internal.serving;

import io.recsyslite.core.artifact.ModelManifest;
import io.recsyslite.core.data.ItemMetadata;
import io.recsyslite.core.index.IndexCalibration;
import io.recsyslite.core.index.ItemIndex;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.spi.Recommender;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model being served, with what serving needs beside it: the item metadata aligned with the
 * model's item ints (indexed for business filters), the ANN index (when one is configured and the model has embeddings), and the
 * popular items used as fallback. Reference counted, so a swapped-out model is closed only when
 * the last request using it has finished. Immutable apart from the count; thread-safe.
 */
final class LiveModel {
    final long generation;
    final Path dir;
    final Recommender model;
    final ModelManifest manifest;
    final ItemMetadata metadata;
    /** The catalogue indexed for compiling business rules. */
    final BusinessFilter filters;
    /** Null when the model is served by its own exact scoring. */
    final ItemIndex index;
    /** How the approximate index was tuned; null for exact serving. */
    final IndexCalibration calibration;
    /** Most popular items (model item ints), best first. */
    final ScoredItems popular;
    private final AtomicInteger references = new AtomicInteger(1);

    LiveModel(long generation, Path dir, Recommender model, ModelManifest manifest, ItemMetadata metadata,
              ItemIndex index, IndexCalibration calibration, ScoredItems popular) {
        this.generation = generation;
        this.dir = dir;
        this.model = model;
        this.manifest = manifest;
        this.metadata = metadata;
        this.filters = BusinessFilter.index(model.items(), metadata);
        this.index = index;
        this.calibration = calibration;
        this.popular = popular;
    }

    /** Takes a reference for one request; false when the model has already been closed. */
    boolean acquire() {
        while (true) {
            int n = references.get();
            if (n == 0) {
                return false;
            }
            if (references.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Gives a reference back; the last one closes the index. */
    void release() {
        if (references.decrementAndGet() == 0 && index != null) {
            index.close();
        }
    }
}
