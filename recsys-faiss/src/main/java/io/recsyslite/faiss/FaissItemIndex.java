package io.recsyslite.faiss;

import io.recsyslite.core.error.CorruptModelException;
import io.recsyslite.core.index.ExactItemIndex;
import io.recsyslite.core.index.IndexCalibration;
import io.recsyslite.core.index.IndexOptions;
import io.recsyslite.core.index.ItemIndex;
import io.recsyslite.core.index.Metric;
import io.recsyslite.core.index.TunableIndex;
import io.recsyslite.core.rank.ItemFilter;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.faiss.internal.FaissLibrary;
import io.recsyslite.faiss.internal.FaissLibrary.IDSelector;
import io.recsyslite.faiss.internal.FaissLibrary.IDSelectorBatch;
import io.recsyslite.faiss.internal.FaissLibrary.IDSelectorBitmap;
import io.recsyslite.faiss.internal.FaissLibrary.Index;
import io.recsyslite.faiss.internal.FaissLibrary.SearchParameters;
import io.recsyslite.faiss.internal.FaissLibrary.SearchParametersHNSW;
import io.recsyslite.faiss.internal.FaissLibrary.SearchParametersIVF;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.stream.LongStream;
import org.bytedeco.javacpp.BytePointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ItemIndex} over a native Faiss index (flat, IVF-Flat or HNSW-Flat) whose Faiss ids are
 * the dense item ints. Cosine indexes store normalised vectors and search with inner product; L2
 * scores are minus the squared distance, as in {@link ExactItemIndex}.
 *
 * <p><b>Filters.</b> Faiss is first asked for {@code 2k} hits and the {@link ItemFilter} is applied
 * to them in Java; if fewer than {@code k} pass, the query is repeated with {@code 8k} and
 * {@code 32k}. That is cheap when a filter rejects few items (the usual case: already-seen or
 * out-of-stock items) and costs nothing per item. Only when that still does not find {@code k}
 * (a selective filter) is the filter evaluated once per item into an {@code IDSelectorBitmap} that
 * Faiss applies during an exhaustive search (all IVF lists; the flat vector storage of HNSW), so
 * that {@code k} results come back whenever {@code k} items pass. A JavaCPP callback per
 * candidate would cross JNI for every visited vector, which is slower than both.
 *
 * <p><b>Removal.</b> IVF-Flat removes vectors natively ({@code remove_ids}, ids stay valid). Faiss
 * cannot remove from HNSW, and {@code IndexFlat} renumbers the remaining vectors when removing, so
 * flat and HNSW indexes keep a deletion set that is applied like a filter and saved in the
 * {@code .meta} sidecar (an {@code IndexIDMap2} wrapper is no way out: in Faiss 1.7.3 it rejects
 * per-search parameters, so no id selector, and it forwards removal to HNSW, which throws).
 *
 * <p><b>Native ownership.</b> Owns one {@code faiss::Index} and one search-parameter struct, both
 * freed by {@link #close()} (idempotent); nothing is freed by the garbage collector. Per-query
 * selectors and bitmaps are freed before the search returns.
 *
 * <p><b>Thread-safety.</b> Thread-safe. Searches and {@link #save} run concurrently under a read
 * lock (Faiss searches are const); {@link #remove} and {@link #close} take the write lock, so
 * closing waits for running searches and later calls fail with {@link IllegalStateException}. Each
 * native call first sets the OpenMP thread count of the calling thread to {@code threads}: libgomp
 * keeps that count per native thread, so it is not shared between Java threads, but every calling
 * thread may start its own OpenMP team: concurrent callers times {@code threads} cores may be busy.
 */
public final class FaissItemIndex implements TunableIndex {
    private static final Logger log = LoggerFactory.getLogger(FaissItemIndex.class);
    /** Filtered searches fetch 2k, then 8k, then 32k hits before falling back to a bitmap. */
    private static final int FIRST_OVERFETCH = 2;
    /** The standard normal's 95% quantile: calibration's margin, in standard errors of the sample's recall. */
    private static final double ONE_SIDED_95 = 1.645;
    private static final int OVERFETCH_GROWTH = 4;
    private static final int OVERFETCH_ROUNDS = 3;
    /**
     * IVF k-means trains on at most this many points per list (Faiss warns below 39 and samples
     * 256 by default); training time grows linearly with it and recall barely does.
     */
    private static final int TRAINING_POINTS_PER_LIST = 64;
    /** Calibration never tries a larger HNSW efSearch (one query would cost more than a flat scan). */
    private static final int MAX_EF_SEARCH = 4096;

    private final FaissIndexType type;
    private final Metric metric;
    private final int dim;
    private final int size;
    private final int threads;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** True when options set nprobe / efSearch: calibration measures it and keeps it. */
    private final boolean effortFixed;
    /** Replaced by {@link #calibrate} under the write lock, like the parameters made from it. */
    private FaissSettings settings;
    private SearchParameters defaultParams;
    private Index index;
    private volatile BitSet deleted;

    private FaissItemIndex(FaissIndexType type, Index index, Metric metric, int size, FaissSettings settings,
            IndexOptions options, BitSet deleted) {
        this.type = type;
        this.index = index;
        this.metric = metric;
        this.dim = index.d();
        this.size = size;
        this.settings = settings;
        this.threads = options.threads();
        this.effortFixed = options.settings().containsKey(type.effortSetting());
        this.deleted = deleted;
        applyDefaults(index);
        this.defaultParams = newParams(null, settings.nprobe(), settings.efSearch());
    }

    /** Builds and fills an index over {@code vectors} (row-major {@code n x dim}); row i is item i. */
    static FaissItemIndex build(FaissIndexType type, float[] vectors, int dim, Metric metric, IndexOptions options) {
        if (dim < 1 || vectors.length % dim != 0) {
            throw new IllegalArgumentException("vector array of " + vectors.length + " is not a multiple of dim " + dim);
        }
        int n = vectors.length / dim;
        FaissSettings settings = FaissSettings.forSize(n, options);
        float[] data = metric == Metric.COSINE ? normalisedRows(vectors, dim) : vectors;
        FaissLibrary.omp_set_num_threads(options.threads());
        Index index = FaissLibrary.index_factory(dim, factoryString(type, settings), faissMetric(metric));
        try {
            fill(type, index, n, data, settings);
            log.debug("Built {} over {} items x {} dims ({})", type.providerName(), n, dim, settings);
            return new FaissItemIndex(type, index, metric, n, settings, options, new BitSet());
        } catch (RuntimeException e) {
            FaissLibrary.delete(index);
            throw e;
        }
    }

    /** Reads a Faiss index file (and its {@code .meta} sidecar when present). */
    static FaissItemIndex load(FaissIndexType expected, Path file, IndexOptions options) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        Optional<IndexSidecar> meta = IndexSidecar.read(file);
        FaissLibrary.omp_set_num_threads(options.threads());
        Index index;
        try {
            index = FaissLibrary.read_index(file.toAbsolutePath().toString(), 0);
        } catch (RuntimeException e) {
            throw new CorruptModelException("Index file " + file.getFileName() + " is not a readable Faiss index: "
                    + e.getMessage(), e);
        }
        try {
            FaissIndexType actual = typeOf(index);
            if (actual != expected) {
                throw new CorruptModelException("Index file " + file.getFileName() + " holds "
                        + (actual == null ? "an unsupported Faiss index" : "a " + actual.providerName() + " index")
                        + ", not " + expected.providerName());
            }
            Metric metric = meta.map(IndexSidecar::metric).orElse(
                    index.metric_type() == FaissLibrary.METRIC_L2 ? Metric.L2 : Metric.INNER_PRODUCT);
            if (faissMetric(metric) != index.metric_type()) {
                throw new CorruptModelException("Index metadata of " + file.getFileName() + " says " + metric
                        + " but the Faiss index uses metric type " + index.metric_type());
            }
            int size = meta.map(IndexSidecar::size).orElse((int) index.ntotal());
            BitSet deleted = meta.map(IndexSidecar::deleted).orElseGet(BitSet::new);
            FaissSettings settings = switch (actual) {
                case IVF_FLAT -> FaissSettings.loaded((int) FaissLibrary.asIvfFlat(index).nlist(),
                        (int) FaissLibrary.asIvfFlat(index).nprobe(), null, options);
                case HNSW -> FaissSettings.loaded(1, null, FaissLibrary.asHnsw(index).efSearch(), options);
                case FLAT -> FaissSettings.loaded(1, null, null, options);
            };
            return new FaissItemIndex(actual, index, metric, size, settings, options, deleted);
        } catch (RuntimeException e) {
            FaissLibrary.delete(index);
            throw e;
        }
    }

    @Override
    public String type() {
        return type.providerName();
    }

    /** The item id range {@code 0..size-1}, including removed items. */
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

    /** The resolved settings (nlist, nprobe, M, efSearch), for logging and benchmarks. */
    public String describeSettings() {
        lock.readLock().lock();
        try {
            return settings.toString();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Measures recall@k of growing efforts against an exhaustive search of this index (IVF with
     * every list probed, HNSW's flat vector storage): doubling, then bisecting, as recall grows
     * with the effort, up to the smallest effort whose recall on the sample is above the target
     * with 95% confidence (its one-sided lower bound over the queries reaches the target), so that
     * the target holds for queries beyond the sample too. A flat index is exact and has nothing to tune.
     */
    @Override
    public IndexCalibration calibrate(float[] queries, int k, double targetRecall) {
        if (queries.length % dim != 0 || k < 1) {
            throw new IllegalArgumentException("calibration needs " + dim + "-dim queries and k >= 1");
        }
        int nq = queries.length / dim;
        float[] x = metric == Metric.COSINE ? normalisedRows(queries, dim) : queries;
        String setting = type.effortSetting();
        int value;
        double recall;
        lock.readLock().lock();
        try {
            Index idx = open();
            FaissHits exact = exhaustive(idx, x, nq, k);
            Map<Integer, MeasuredRecall> measured = new HashMap<>();
            IntFunction<MeasuredRecall> recallAt = v -> measured.computeIfAbsent(v, e -> recall(exact, run(idx, x, nq, k, e), nq, k));
            if (type == FaissIndexType.FLAT || effortFixed) {
                value = currentEffort();
            } else {
                value = smallestEffort(v -> recallAt.apply(v).lowerBound() >= targetRecall,
                        type == FaissIndexType.HNSW ? k : 1, maxEffort(k));
            }
            recall = recallAt.apply(value).mean();
        } finally {
            lock.readLock().unlock();
        }
        boolean fixed = type == FaissIndexType.FLAT || effortFixed;
        if (!fixed) {
            useEffort(value);
        }
        IndexCalibration result = new IndexCalibration(setting, value, recall, targetRecall, fixed, nq, k);
        log.info("Calibrated the {} index over {} items: {}", type.providerName(), size, result);
        return result;
    }

    @Override
    public ScoredItems search(float[] query, int k, ItemFilter accept) {
        if (query.length != dim) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, index has " + dim);
        }
        return searchBatch(query, k, accept).get(0);
    }

    @Override
    public List<ScoredItems> searchBatch(float[] queries, int k, ItemFilter accept) {
        return search(queries, k, q -> accept, accept == null || accept == ItemFilter.ALL);
    }

    /** Over-fetches {@code 2k} for the whole batch and filters each query's hits with its own filter. */
    @Override
    public List<ScoredItems> searchBatchPerQuery(float[] queries, int k, IntFunction<ItemFilter> acceptOfQuery) {
        return search(queries, k, acceptOfQuery, false);
    }

    private List<ScoredItems> search(float[] queries, int k, IntFunction<ItemFilter> acceptOfQuery, boolean acceptsAll) {
        if (queries.length % dim != 0) {
            throw new IllegalArgumentException("query array of " + queries.length + " is not a multiple of dim " + dim);
        }
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, was " + k);
        }
        int nq = queries.length / dim;
        float[] x = metric == Metric.COSINE ? normalisedRows(queries, dim) : queries;
        boolean unfiltered = acceptsAll && deleted.isEmpty();
        lock.readLock().lock();
        try {
            Index idx = open();
            long total = idx.ntotal();
            if (k == 0 || total == 0) {
                return Collections.nCopies(nq, ScoredItems.empty());
            }
            int fetch = (int) Math.min(total, unfiltered ? k : (long) FIRST_OVERFETCH * k);
            FaissHits hits = run(idx, x, nq, fetch, defaultParams);
            List<ScoredItems> out = new ArrayList<>(nq);
            for (int q = 0; q < nq; q++) {
                ItemFilter filter = unfiltered ? null : effectiveFilter(acceptOfQuery.apply(q));
                ScoredItems found = hits.accepted(q, k, filter);
                if (found.size() < k && filter != null && hits.mayHaveMore(q, total)) {
                    found = searchSelective(idx, row(x, q), k, fetch, filter);
                }
                out.add(found);
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Removes items: natively for IVF, through the deletion set for flat and HNSW. */
    @Override
    public void remove(int... ids) {
        long[] valid = Arrays.stream(ids).filter(id -> id >= 0 && id < size).asLongStream().toArray();
        if (valid.length == 0) {
            return;
        }
        lock.writeLock().lock();
        try {
            Index idx = open();
            if (type.removesNatively()) {
                try (IDSelectorBatch selector = new IDSelectorBatch(valid)) {
                    FaissLibrary.omp_set_num_threads(threads);
                    idx.remove_ids(selector);
                }
            } else {
                BitSet next = (BitSet) deleted.clone();
                for (long id : valid) {
                    next.set((int) id);
                }
                deleted = next;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Writes a plain Faiss index file (readable by any Faiss 1.7.x, e.g. Python's
     * {@code faiss.read_index}) and the {@code <file>.meta} sidecar. Other Faiss readers do not
     * see the deletion set of flat and HNSW indexes.
     */
    @Override
    public void save(Path file) throws IOException {
        lock.readLock().lock();
        try {
            Index idx = open();
            try {
                FaissLibrary.write_index(idx, file.toAbsolutePath().toString());
            } catch (RuntimeException e) {
                throw new IOException("Could not write Faiss index " + file + ": " + e.getMessage(), e);
            }
            new IndexSidecar(type, metric, size, deleted).write(file);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Frees the native index; waits for running searches. Idempotent. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (index != null) {
                FaissLibrary.delete(index);
                index = null;
                defaultParams.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The smallest effort in [lowest, highest] reaching the target (highest when none does). */
    private static int smallestEffort(IntPredicate reaches, int lowest, int highest) {
        int below = lowest - 1;
        int v = lowest;
        while (v < highest && !reaches.test(v)) {
            below = v;
            v = (int) Math.min(highest, 2L * v);
        }
        int lo = below + 1;
        int hi = v;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (reaches.test(mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return hi;
    }

    private int maxEffort(int k) {
        return switch (type) {
            case IVF_FLAT -> settings.nlist();
            case HNSW -> Math.max(k, Math.min(size, MAX_EF_SEARCH));
            case FLAT -> 0;
        };
    }

    private int currentEffort() {
        return switch (type) {
            case IVF_FLAT -> settings.nprobe();
            case HNSW -> settings.efSearch();
            case FLAT -> 0;
        };
    }

    private void useEffort(int value) {
        lock.writeLock().lock();
        try {
            Index idx = open();
            settings = type == FaissIndexType.IVF_FLAT ? settings.withNprobe(value) : settings.withEfSearch(value);
            SearchParameters previous = defaultParams;
            defaultParams = newParams(null, settings.nprobe(), settings.efSearch());
            previous.close();
            applyDefaults(idx);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The exact top k of every query, by an exhaustive search of this index's own vectors. */
    private FaissHits exhaustive(Index idx, float[] x, int nq, int k) {
        Index target = type == FaissIndexType.HNSW ? FaissLibrary.asHnsw(idx).storage() : idx;
        try (SearchParameters params = type == FaissIndexType.HNSW ? flatParams(null)
                : newParams(null, settings.nlist(), settings.efSearch())) {
            return run(target, x, nq, (int) Math.min(k, idx.ntotal()), params);
        }
    }

    /** One batch search with the given effort. */
    private FaissHits run(Index idx, float[] x, int nq, int k, int effort) {
        try (SearchParameters params = newParams(null, effort, effort)) {
            return run(idx, x, nq, (int) Math.min(k, idx.ntotal()), params);
        }
    }

    /** Recall@k over a sample of queries: the mean of each query's recall and its one-sided 95% lower bound. */
    private record MeasuredRecall(double mean, double lowerBound) {
    }

    private static MeasuredRecall recall(FaissHits exact, FaissHits found, int nq, int k) {
        double sum = 0;
        double squares = 0;
        int counted = 0;
        for (int q = 0; q < nq; q++) {
            int[] truth = exact.accepted(q, k, null).items();
            if (truth.length == 0) {
                continue;
            }
            int[] got = found.accepted(q, k, null).items();
            Arrays.sort(got);
            int hits = 0;
            for (int item : truth) {
                if (Arrays.binarySearch(got, item) >= 0) {
                    hits++;
                }
            }
            double r = hits / (double) truth.length;
            sum += r;
            squares += r * r;
            counted++;
        }
        if (counted == 0) {
            return new MeasuredRecall(1.0, 1.0);
        }
        double mean = sum / counted;
        double variance = counted > 1 ? Math.max(0, (squares - counted * mean * mean) / (counted - 1)) : 0;
        return new MeasuredRecall(mean, mean - ONE_SIDED_95 * Math.sqrt(variance / counted));
    }

    /** Repeats the search with growing over-fetch, then with an id bitmap built from the filter. */
    private ScoredItems searchSelective(Index idx, float[] query, int k, int fetched, ItemFilter filter) {
        long total = idx.ntotal();
        long fetch = fetched;
        for (int round = 1; round < OVERFETCH_ROUNDS; round++) {
            fetch = Math.min(total, fetch * OVERFETCH_GROWTH);
            FaissHits hits = run(idx, query, 1, (int) fetch, defaultParams);
            ScoredItems found = hits.accepted(0, k, filter);
            if (found.size() == k || !hits.mayHaveMore(0, total)) {
                return found;
            }
        }
        byte[] bits = new byte[(size + 7) / 8];
        int passing = 0;
        for (int item = 0; item < size; item++) {
            if (filter.accept(item)) {
                bits[item >>> 3] |= (byte) (1 << (item & 7)); // Faiss reads bit (id % 8) of byte id / 8
                passing++;
            }
        }
        if (passing == 0) {
            return ScoredItems.empty();
        }
        // Rejected ids cost Faiss one bit test each, so the selective search is made exhaustive:
        // IVF scans every list, HNSW scans its flat vector storage (a graph walk through mostly
        // rejected nodes can miss the few accepted ones).
        Index target = type == FaissIndexType.HNSW ? FaissLibrary.asHnsw(idx).storage() : idx;
        try (BytePointer bitmap = new BytePointer(bits);
                IDSelectorBitmap selector = new IDSelectorBitmap(bits.length, bitmap);
                SearchParameters params = type == FaissIndexType.HNSW
                        ? flatParams(selector)
                        : newParams(selector, settings.nlist(), settings.efSearch())) {
            return run(target, query, 1, (int) Math.min(total, k), params).accepted(0, k, filter);
        }
    }

    private FaissHits run(Index idx, float[] x, int nq, int fetch, SearchParameters params) {
        int cells = Math.multiplyExact(nq, fetch);
        float[] distances = new float[cells];
        long[] labels = new long[cells];
        FaissLibrary.omp_set_num_threads(threads);
        idx.search(nq, x, fetch, distances, labels, params);
        return new FaissHits(labels, distances, fetch, metric == Metric.L2);
    }

    /** Search parameters of the type this index expects, with an optional selector (not owned). */
    private SearchParameters newParams(IDSelector selector, int nprobe, int efSearch) {
        SearchParameters params = switch (type) {
            case IVF_FLAT -> {
                SearchParametersIVF ivf = new SearchParametersIVF();
                ivf.nprobe(nprobe);
                yield ivf;
            }
            case HNSW -> {
                SearchParametersHNSW hnsw = new SearchParametersHNSW();
                hnsw.efSearch(efSearch);
                yield hnsw;
            }
            case FLAT -> new SearchParameters();
        };
        params.sel(selector);
        return params;
    }

    private static SearchParameters flatParams(IDSelector selector) {
        SearchParameters params = new SearchParameters();
        params.sel(selector);
        return params;
    }

    /** Stores nprobe/efSearch in the index too, so a saved file searches the same in any Faiss. */
    private void applyDefaults(Index idx) {
        switch (type) {
            case IVF_FLAT -> FaissLibrary.asIvfFlat(idx).nprobe(settings.nprobe());
            case HNSW -> FaissLibrary.asHnsw(idx).efSearch(settings.efSearch());
            case FLAT -> { }
        }
    }

    private Index open() {
        if (index == null) {
            throw new IllegalStateException("The " + type.providerName() + " index is closed");
        }
        return index;
    }

    /** The caller's filter combined with the deletion set; null when every item passes. */
    private ItemFilter effectiveFilter(ItemFilter accept) {
        BitSet del = deleted;
        ItemFilter base = accept == ItemFilter.ALL ? null : accept;
        if (del.isEmpty()) {
            return base;
        }
        ItemFilter notDeleted = item -> !del.get(item);
        return base == null ? notDeleted : base.and(notDeleted);
    }

    private float[] row(float[] x, int q) {
        return Arrays.copyOfRange(x, q * dim, (q + 1) * dim);
    }

    private static void fill(FaissIndexType type, Index index, int n, float[] data, FaissSettings settings) {
        if (type == FaissIndexType.HNSW) {
            FaissLibrary.asHnsw(index).efConstruction(settings.efConstruction());
        }
        if (n == 0) {
            return; // an empty IVF stays untrained; searches return nothing
        }
        if (type == FaissIndexType.IVF_FLAT) {
            int dim = data.length / n;
            int trainRows = (int) Math.min(n, (long) TRAINING_POINTS_PER_LIST * settings.nlist());
            index.train(trainRows, trainRows == n ? data : evenlySpacedRows(data, dim, trainRows));
            index.add_with_ids(n, data, LongStream.range(0, n).toArray());
        } else {
            index.add(n, data);
        }
    }

    /** Every (n / rows)-th row, so that a catalogue sorted by anything is still sampled evenly. */
    private static float[] evenlySpacedRows(float[] data, int dim, int rows) {
        long n = data.length / dim;
        float[] sample = new float[rows * dim];
        for (int r = 0; r < rows; r++) {
            int source = (int) (r * n / rows);
            System.arraycopy(data, source * dim, sample, r * dim, dim);
        }
        return sample;
    }

    private static String factoryString(FaissIndexType type, FaissSettings settings) {
        return switch (type) {
            case FLAT -> "Flat";
            case IVF_FLAT -> "IVF" + settings.nlist() + ",Flat";
            case HNSW -> "HNSW" + settings.m();
        };
    }

    private static FaissIndexType typeOf(Index index) {
        if (FaissLibrary.asHnsw(index) != null) {
            return FaissIndexType.HNSW;
        }
        if (FaissLibrary.asIvfFlat(index) != null) {
            return FaissIndexType.IVF_FLAT;
        }
        return FaissLibrary.asFlat(index) != null ? FaissIndexType.FLAT : null;
    }

    private static int faissMetric(Metric metric) {
        return metric == Metric.L2 ? FaissLibrary.METRIC_L2 : FaissLibrary.METRIC_INNER_PRODUCT;
    }

    private static float[] normalisedRows(float[] vectors, int dim) {
        float[] out = new float[vectors.length];
        for (int off = 0; off + dim <= vectors.length; off += dim) {
            float[] unit = ExactItemIndex.normalised(Arrays.copyOfRange(vectors, off, off + dim));
            System.arraycopy(unit, 0, out, off, dim);
        }
        return out;
    }
}
