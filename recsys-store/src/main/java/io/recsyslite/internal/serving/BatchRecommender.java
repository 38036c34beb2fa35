package io.recsyslite.internal.serving;

import io.recsyslite.RecommendOptions;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.index.IndexOptions;
import io.recsyslite.core.index.ItemIndex;
import io.recsyslite.core.index.ItemIndexes;
import io.recsyslite.core.rank.ItemFilter;
import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.spi.EmbeddingModel;
import io.recsyslite.core.spi.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Every user's top-k of one live model, written to Parquet block by block, so memory depends on
 * the block size and the catalogue, never on the number of users. Scoring is exact: embedding
 * models go through an exact index over their item vectors, a block of users per call (Faiss's
 * flat index, which scores a block as one BLAS matrix product, when recsys-faiss is on the class
 * path, else {@link io.recsyslite.core.index.ExactItemIndex} on the configured threads); other
 * models answer {@code recommend} per user on the configured threads. Confined to one call.
 */
final class BatchRecommender {
    /** Users scored per index call. */
    static final int BLOCK = 1024;
    /** The BLAS-backed exact index of recsys-faiss. */
    static final String FAISS_FLAT = "faiss-flat";
    static final String STAGE = "recommend-all";

    private final LiveModel live;
    private final ItemIndexes indexes;
    private final int threads;

    BatchRecommender(LiveModel live, ItemIndexes indexes, int threads) {
        this.live = live;
        this.indexes = indexes;
        this.threads = threads;
    }

    /** Writes {@code user_id, rank, item_id, score} rows for every user; returns the number of users. */
    long writeAll(int k, RecommendOptions options, Path output, ProgressListener progress) throws IOException {
        ItemFilter business = live.filters.compile(options);
        IdIndex users = live.model.users();
        IdIndex items = live.model.items();
        try (ParquetRecommendationsWriter out = new ParquetRecommendationsWriter(output);
                Scorer scorer = scorer()) {
            for (int from = 0; from < users.size(); from += BLOCK) {
                int to = Math.min(users.size(), from + BLOCK);
                List<ScoredItems> tops = scorer.top(from, to, new RecommendRequest(k, options.excludeSeen(), business));
                for (int u = from; u < to; u++) {
                    ScoredItems top = tops.get(u - from);
                    String userId = users.idOf(u);
                    for (int r = 0; r < top.size(); r++) {
                        out.append(userId, r + 1, items.idOf(top.item(r)), top.score(r));
                    }
                }
                progress.update(STAGE, to, users.size());
            }
            out.finish();
        }
        return users.size();
    }

    /** The top items of the users {@code from..to-1}, in order. */
    private interface Scorer extends AutoCloseable {
        List<ScoredItems> top(int from, int to, RecommendRequest request);

        @Override
        void close();
    }

    private Scorer scorer() {
        if (live.model instanceof EmbeddingModel em) {
            String type = indexes.names().contains(FAISS_FLAT) ? FAISS_FLAT : ItemIndexes.EXACT;
            ItemIndex index = indexes.get(type).build(em.itemVectors(), em.dim(), em.metric(),
                    new IndexOptions(threads, java.util.Map.of()));
            return new Scorer() {
                @Override
                public List<ScoredItems> top(int from, int to, RecommendRequest request) {
                    int dim = em.dim();
                    float[] queries = new float[(to - from) * dim];
                    for (int u = from; u < to; u++) {
                        System.arraycopy(em.userVector(u), 0, queries, (u - from) * dim, dim);
                    }
                    return index.searchBatchPerQuery(queries, request.k(), q -> request.excludeSeen()
                            ? request.filter().and(ItemFilter.deny(em.seenItems(from + q))) : request.filter());
                }

                @Override
                public void close() {
                    index.close();
                }
            };
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "recsys-recommend-all");
            t.setDaemon(true);
            return t;
        });
        return new Scorer() {
            @Override
            public List<ScoredItems> top(int from, int to, RecommendRequest request) {
                List<Future<ScoredItems>> parts = new ArrayList<>(to - from);
                for (int u = from; u < to; u++) {
                    int user = u;
                    parts.add(pool.submit(() -> live.model.recommend(user, request)));
                }
                List<ScoredItems> out = new ArrayList<>(parts.size());
                for (Future<ScoredItems> part : parts) {
                    out.add(await(part));
                }
                return out;
            }

            @Override
            public void close() {
                pool.shutdownNow();
            }
        };
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recommending for all users", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }
}
