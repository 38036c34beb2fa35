package io.recsyslite.core.index;

import io.recsyslite.core.rank.ItemFilter;
import io.recsyslite.core.rank.ScoredItems;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Top-k search over item vectors whose ids are the dense item ints {@code 0..size-1}.
 * Implementations document their thread-safety; all in this project allow concurrent
 * {@code search} calls. An index may own native memory: always {@link #close()} it.
 */
public interface ItemIndex extends AutoCloseable {
    /** The provider name, e.g. "exact" or "faiss-ivf-flat". */
    String type();

    int size();

    int dim();

    Metric metric();

    /**
     * The best {@code k} items for one query among those {@code accept} lets through; fewer only
     * when fewer pass (approximate indexes may also return fewer).
     */
    ScoredItems search(float[] query, int k, ItemFilter accept);

    /** {@code queries} is row-major {@code n x dim}; one result per query, in order. */
    default List<ScoredItems> searchBatch(float[] queries, int k, ItemFilter accept) {
        return searchBatchPerQuery(queries, k, q -> accept);
    }

    /**
     * As {@link #searchBatch} with a filter of its own per query (e.g. each
     * user's seen items): {@code acceptOfQuery} gets the query's row number and may be called from
     * several threads.
     */
    List<ScoredItems> searchBatchPerQuery(float[] queries, int k, IntFunction<ItemFilter> acceptOfQuery);

    /** Removes items from the index (retired items, deleted users' vectors); unknown ids are ignored. */
    void remove(int... ids);

    /** Writes the index to one file, for loading with {@link ItemIndexProvider#load}. */
    void save(Path file) throws IOException;

    @Override
    void close();
}
