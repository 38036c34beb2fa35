package io.recsyslite.faiss;

import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.index.IndexOptions;

/**
 * Resolved build and search settings of a Faiss index, from {@link IndexOptions#settings()} with
 * size-dependent defaults:
 *
 * <ul>
 *   <li>{@code nlist} (IVF lists): about {@code 4 * sqrt(n)}, but never more than {@code n / 39}
 *       (Faiss wants at least 39 training points per list) and at least 1.
 *   <li>{@code nprobe} (IVF lists scanned per query): {@code max(10, nlist / 2)}. Ten is the
 *       usual default (and {@code FAISS_NPROBE}'s), but it gives recall@10 of only 0.2-0.4 on random
 *       unit vectors (see benchmarks/faiss/RESULTS.md); half the lists is what reaches 0.95 there.
 *       Real embeddings are clustered and reach that recall with far fewer probes, so set
 *       {@code nprobe} explicitly when speed matters.
 *   <li>{@code M} (HNSW links per node): 32; {@code efConstruction}: 80; {@code efSearch}: 256.
 * </ul>
 *
 * <p>Serving replaces the nprobe / efSearch defaults by {@link FaissItemIndex#calibrate calibrating}
 * them on the model's user vectors to a target recall.
 *
 * <p>An immutable value; no native memory.
 */
record FaissSettings(int nlist, int nprobe, int m, int efConstruction, int efSearch) {
    static final int MIN_POINTS_PER_LIST = 39;
    static final int DEFAULT_MIN_NPROBE = 10;

    FaissSettings {
        positive("nlist", nlist);
        positive("nprobe", nprobe);
        positive("M", m);
        positive("efConstruction", efConstruction);
        positive("efSearch", efSearch);
    }

    /** Settings for an index over {@code n} items. An explicit nlist above n is reduced to n. */
    static FaissSettings forSize(int n, IndexOptions options) {
        int maxLists = Math.max(1, n / MIN_POINTS_PER_LIST);
        int defaultLists = Math.max(1, Math.min(maxLists, (int) Math.round(4 * Math.sqrt(n))));
        int nlist = Math.max(1, Math.min(Math.max(n, 1), setting(options, "nlist", defaultLists)));
        return loaded(nlist, null, null, options);
    }

    /**
     * Settings for a loaded index whose list count is fixed by the file; nprobe and efSearch
     * default to the file's (e.g. a calibrated value) when known, else to the size rule.
     */
    static FaissSettings loaded(int nlist, Integer fileNprobe, Integer fileEfSearch, IndexOptions options) {
        int defaultNprobe = fileNprobe != null ? fileNprobe : Math.max(DEFAULT_MIN_NPROBE, (nlist + 1) / 2);
        int nprobe = Math.min(nlist, setting(options, "nprobe", defaultNprobe));
        return new FaissSettings(
                nlist,
                nprobe,
                setting(options, "M", 32),
                setting(options, "efConstruction", 80),
                setting(options, "efSearch", fileEfSearch != null ? fileEfSearch : 256));
    }

    FaissSettings withNprobe(int n) {
        return new FaissSettings(nlist, n, m, efConstruction, efSearch);
    }

    FaissSettings withEfSearch(int ef) {
        return new FaissSettings(nlist, nprobe, m, efConstruction, ef);
    }

    private static int setting(IndexOptions options, String key, int fallback) {
        try {
            return options.getInt(key, fallback);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("Index setting " + key + " must be an integer, was '"
                    + options.get(key, "") + "'");
        }
    }

    private static void positive(String key, int value) {
        if (value < 1) {
            throw new InvalidParameterException("Index setting " + key + " must be >= 1, was " + value);
        }
    }
}
