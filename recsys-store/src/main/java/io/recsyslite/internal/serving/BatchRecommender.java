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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Every user's top-k of one live model, written to Parquet block by block, so memory depends on
 * the block size and the catalogue, never on the number of users. Scoring is exact: embedding
 * models go through an exact index over their item vectors (Faiss's flat index, which scores a
 * slice of users as one BLAS matrix product, when recsys-faiss is on the class path, else
 * {@link io.recsyslite.core.index.ExactItemIndex}), each block cut into one slice per configured
 * thread, every slice one single-threaded index call; other models answer {@code recommend} per
 * user on the configured threads. The next block is scored while one is written. Confined to one
 * call.
 */
final class BatchRecommender {
    /** Users scored per index call. */
    static final int BLOCK = 4096;
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
        RecommendRequest request = new RecommendRequest(k, options.excludeSeen(), live.filters.compile(options));
        IdIndex users = live.model.users();
        IdIndex items = live.model.items();
        try (ParquetRecommendationsWriter out = new ParquetRecommendationsWriter(output);
                Scorer scorer = scorer()) {
            CompletableFuture<List<ScoredItems>> next = scorer.top(0, Math.min(users.size(), BLOCK), request);
            for (int from = 0; from < users.size(); from += BLOCK) {
                int to = Math.min(users.size(), from + BLOCK);
                List<ScoredItems> tops = await(next);
                if (to < users.size()) {
                    next = scorer.top(to, Math.min(users.size(), to + BLOCK), request);
                }
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

    /** Starts scoring the users {@code from..to-1}; the answer lists their top items in order. */
    private interface Scorer extends AutoCloseable {
        CompletableFuture<List<ScoredItems>> top(int from, int to, RecommendRequest request);

        @Override
        void close();
    }

    private Scorer scorer() {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "recsys-recommend-all");
            t.setDaemon(true);
            return t;
        });
        if (live.model instanceof EmbeddingModel em) {
            String type = indexes.names().contains(FAISS_FLAT) ? FAISS_FLAT : ItemIndexes.EXACT;
            // one thread per index call: each block is cut into one slice per thread instead, so
            // that every part of a search (Faiss's matrix product too) runs on all the cores
            ItemIndex index = indexes.get(type).build(em.itemVectors(), em.dim(), em.metric(),
                    new IndexOptions(1, java.util.Map.of()));
            return new Scorer() {
                @Override
                public CompletableFuture<List<ScoredItems>> top(int from, int to, RecommendRequest request) {
                    int slice = (to - from + threads - 1) / threads;
                    List<CompletableFuture<List<ScoredItems>>> parts = new ArrayList<>(threads);
                    for (int a = from; a < to; a += slice) {
                        int start = a;
                        int end = Math.min(to, a + slice);
                        parts.add(CompletableFuture.supplyAsync(() -> search(start, end, request), pool));
                    }
                    return concatenated(parts);
                }

                private List<ScoredItems> search(int from, int to, RecommendRequest request) {
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
                    stop(pool); // a slice still searching (after another failed) must not see its index closed
                    index.close();
                }
            };
        }
        return new Scorer() {
            @Override
            public CompletableFuture<List<ScoredItems>> top(int from, int to, RecommendRequest request) {
                List<CompletableFuture<List<ScoredItems>>> parts = new ArrayList<>(to - from);
                for (int u = from; u < to; u++) {
                    int user = u;
                    parts.add(CompletableFuture.supplyAsync(() -> List.of(live.model.recommend(user, request)), pool));
                }
                return concatenated(parts);
            }

            @Override
            public void close() {
                stop(pool);
            }
        };
    }

    private static CompletableFuture<List<ScoredItems>> concatenated(List<CompletableFuture<List<ScoredItems>>> parts) {
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<ScoredItems> all = new ArrayList<>();
            parts.forEach(part -> all.addAll(part.join()));
            return all;
        });
    }

    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T await(CompletableFuture<T> f) {
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
