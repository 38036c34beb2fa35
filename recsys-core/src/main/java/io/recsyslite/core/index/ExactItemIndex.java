package io.recsyslite.core.index;

import io.recsyslite.core.error.CorruptModelException;
import io.recsyslite.core.rank.ItemFilter;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.rank.TopK;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Brute-force top-k over all item vectors with a bounded heap per thread. Exact, so it is the
 * reference for approximate indexes and the embedded default. Large catalogues are scanned in
 * parallel slices on the index's own pool of {@code threads} daemon threads (never the common
 * pool); small ones in the calling thread.
 *
 * <p>Thread-safe: concurrent searches are fine; {@link #remove} publishes a new deletion set.
 * Owns a thread pool, released by {@link #close()}.
 */
public final class ExactItemIndex implements ItemIndex {
    /** Below this many scores per query, threads cost more than they save. */
    private static final long PARALLEL_WORK = 1L << 20;
    private static final int MAGIC = 0x524C4558; // "RLEX"
    private static final int VERSION = 1;

    private final float[] vectors;
    private final int size;
    private final int dim;
    private final Metric metric;
    private final int threads;
    private final ExecutorService pool;
    private volatile BitSet deleted;

    /** Copies {@code vectors} (row-major {@code n x dim}), normalising rows for cosine. */
    public ExactItemIndex(float[] vectors, int dim, Metric metric, int threads) {
        this(prepare(vectors, dim, metric), dim, metric, threads, new BitSet());
    }

    /** Takes ownership of already prepared vectors and a deletion set. */
    private ExactItemIndex(float[] owned, int dim, Metric metric, int threads, BitSet deleted) {
        if (dim < 1 || owned.length % dim != 0) {
            throw new IllegalArgumentException("vector array of " + owned.length + " is not a multiple of dim " + dim);
        }
        this.vectors = owned;
        this.size = owned.length / dim;
        this.dim = dim;
        this.metric = metric;
        this.threads = Math.max(1, threads);
        this.deleted = deleted;
        AtomicInteger n = new AtomicInteger();
        this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "recsys-exact-index-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String type() {
        return ItemIndexes.EXACT;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public Metric metric() {
        return metric;
    }

    @Override
    public ScoredItems search(float[] query, int k, ItemFilter accept) {
        float[] q = prepareQuery(query);
        ItemFilter filter = withDeletions(accept);
        if (pool == null || (long) size * dim < PARALLEL_WORK) {
            return scan(q, 0, size, k, filter).drain();
        }
        int slice = (size + threads - 1) / threads;
        List<Future<TopK>> parts = new ArrayList<>(threads);
        for (int from = 0; from < size; from += slice) {
            int start = from;
            int end = Math.min(size, from + slice);
            parts.add(pool.submit(() -> scan(q, start, end, k, filter)));
        }
        TopK merged = new TopK(k);
        for (Future<TopK> part : parts) {
            merged.merge(await(part));
        }
        return merged.drain();
    }

    @Override
    public List<ScoredItems> searchBatchPerQuery(float[] queries, int k, IntFunction<ItemFilter> acceptOfQuery) {
        if (queries.length % dim != 0) {
            throw new IllegalArgumentException("query array of " + queries.length + " is not a multiple of dim " + dim);
        }
        int nq = queries.length / dim;
        ScoredItems[] out = new ScoredItems[nq];
        if (pool == null || nq == 1) {
            for (int q = 0; q < nq; q++) {
                out[q] = scan(prepareQuery(row(queries, q)), 0, size, k, withDeletions(acceptOfQuery.apply(q))).drain();
            }
        } else {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int q = next.getAndIncrement(); q < nq; q = next.getAndIncrement()) {
                        ItemFilter filter = withDeletions(acceptOfQuery.apply(q));
                        out[q] = scan(prepareQuery(row(queries, q)), 0, size, k, filter).drain();
                    }
                }));
            }
            workers.forEach(ExactItemIndex::await);
        }
        return List.of(out);
    }

    @Override
    public synchronized void remove(int... ids) {
        BitSet next = (BitSet) deleted.clone();
        for (int id : ids) {
            if (id >= 0 && id < size) {
                next.set(id);
            }
        }
        deleted = next;
    }

    @Override
    public void save(Path file) throws IOException {
        BitSet del = deleted;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(size);
            out.writeInt(dim);
            out.writeInt(metric.ordinal());
            byte[] delBytes = del.toByteArray();
            out.writeInt(delBytes.length);
            out.write(delBytes);
            for (float v : vectors) {
                out.writeFloat(v);
            }
        }
    }

    /** Reads an index written by {@link #save}; vectors are stored already prepared. */
    public static ExactItemIndex load(Path file, int threads) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC) {
                throw new CorruptModelException("Index file " + file.getFileName() + " is not an exact index");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new CorruptModelException("Index file " + file.getFileName() + " has unsupported version " + version);
            }
            int n = in.readInt();
            int d = in.readInt();
            int metricOrdinal = in.readInt();
            if (n < 0 || d < 1 || metricOrdinal < 0 || metricOrdinal >= Metric.values().length) {
                throw new CorruptModelException("Index file " + file.getFileName() + " has a corrupt header");
            }
            byte[] delBytes = new byte[in.readInt()];
            in.readFully(delBytes);
            float[] v = new float[Math.multiplyExact(n, d)];
            for (int i = 0; i < v.length; i++) {
                v[i] = in.readFloat();
            }
            return new ExactItemIndex(v, d, Metric.values()[metricOrdinal], threads, BitSet.valueOf(delBytes));
        } catch (EOFException e) {
            throw new CorruptModelException("Index file " + file.getFileName() + " is truncated", e);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private TopK scan(float[] q, int from, int to, int k, ItemFilter filter) {
        TopK top = new TopK(k);
        for (int i = from; i < to; i++) {
            float s = score(q, i);
            if ((s > top.threshold() || top.size() < k) && filter.accept(i)) {
                top.offer(i, s);
            }
        }
        return top;
    }

    private float score(float[] q, int item) {
        int base = item * dim;
        float s = 0;
        if (metric == Metric.L2) {
            for (int d = 0; d < dim; d++) {
                float diff = q[d] - vectors[base + d];
                s += diff * diff;
            }
            return -s;
        }
        for (int d = 0; d < dim; d++) {
            s += q[d] * vectors[base + d];
        }
        return s;
    }

    private ItemFilter withDeletions(ItemFilter accept) {
        BitSet del = deleted;
        ItemFilter base = accept == null ? ItemFilter.ALL : accept;
        return del.isEmpty() ? base : base.and(i -> !del.get(i));
    }

    private float[] prepareQuery(float[] query) {
        if (query.length != dim) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, index has " + dim);
        }
        return metric == Metric.COSINE ? normalised(query) : query;
    }

    private float[] row(float[] queries, int q) {
        float[] r = new float[dim];
        System.arraycopy(queries, q * dim, r, 0, dim);
        return r;
    }

    private static float[] prepare(float[] vectors, int dim, Metric metric) {
        float[] copy = vectors.clone();
        if (metric == Metric.COSINE) {
            for (int off = 0; off + dim <= copy.length; off += dim) {
                normaliseInPlace(copy, off, dim);
            }
        }
        return copy;
    }

    /** A unit-length copy of {@code v} (zero vectors stay zero). */
    public static float[] normalised(float[] v) {
        float[] copy = v.clone();
        normaliseInPlace(copy, 0, copy.length);
        return copy;
    }

    private static void normaliseInPlace(float[] a, int off, int len) {
        double norm = 0;
        for (int d = 0; d < len; d++) {
            norm += (double) a[off + d] * a[off + d];
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < len; d++) {
                a[off + d] *= inv;
            }
        }
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while searching", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }
}
