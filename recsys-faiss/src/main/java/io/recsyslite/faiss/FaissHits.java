package io.recsyslite.faiss;

import io.recsyslite.core.rank.ItemFilter;
import io.recsyslite.core.rank.ScoredItems;
import java.util.Arrays;

/**
 * The raw answer of one Faiss search call: {@code fetched} labels and distances per query, best
 * first, label -1 where Faiss found fewer. Converts Faiss distances to RecSys-Lite scores (higher is
 * better: squared L2 distances are negated). Plain Java arrays, no native memory; confined to
 * the searching thread.
 */
final class FaissHits {
    private final long[] labels;
    private final float[] distances;
    private final int fetched;
    private final boolean negate;

    FaissHits(long[] labels, float[] distances, int fetched, boolean negate) {
        this.labels = labels;
        this.distances = distances;
        this.fetched = fetched;
        this.negate = negate;
    }

    /** The first {@code k} hits of query {@code q} that {@code filter} accepts (null accepts all). */
    ScoredItems accepted(int q, int k, ItemFilter filter) {
        int[] items = new int[Math.min(k, fetched)];
        float[] scores = new float[items.length];
        int n = 0;
        for (int i = q * fetched, end = i + fetched; i < end && n < items.length; i++) {
            long label = labels[i];
            if (label >= 0 && (filter == null || filter.accept((int) label))) {
                items[n] = (int) label;
                scores[n] = negate ? -distances[i] : distances[i];
                n++;
            }
        }
        return n == items.length ? new ScoredItems(items, scores)
                : new ScoredItems(Arrays.copyOf(items, n), Arrays.copyOf(scores, n));
    }

    /** False when Faiss ran out of candidates for query {@code q} or every vector was fetched. */
    boolean mayHaveMore(int q, long total) {
        return fetched < total && labels[q * fetched + fetched - 1] >= 0;
    }
}
