package io.recsyslite.benchmarks.models2;

import io.recsyslite.core.data.Sequences;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.rank.TopK;

/**
 * The item-kNN next-item baseline of the GRU4Rec paper: cosine similarity of item co-occurrence
 * within baskets (sessions, or whole user histories), scored from the last item of the query.
 * Dense items x items, so only for small catalogues. Immutable after construction.
 */
final class CooccurrenceKnn {
    private final int n;
    private final float[] similarity;

    /** Baskets are the runs of each user's sequence separated by pauses longer than gapSeconds. */
    CooccurrenceKnn(Sequences sequences, int numItems, long gapSeconds) {
        this.n = numItems;
        this.similarity = new float[numItems * numItems];
        float[] count = new float[numItems];
        for (int u = 0; u < sequences.numUsers(); u++) {
            int from = sequences.start(u);
            for (int p = sequences.start(u); p <= sequences.end(u); p++) {
                if (p == sequences.end(u) || (p > from && sequences.timestamp(p) - sequences.timestamp(p - 1) > gapSeconds)) {
                    addBasket(sequences, from, p, count);
                    from = p;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                float c = similarity[i * n + j];
                similarity[i * n + j] = c == 0 ? 0 : (float) (c / Math.sqrt(count[i] * count[j]));
            }
        }
    }

    private void addBasket(Sequences sequences, int from, int to, float[] count) {
        int[] items = java.util.stream.IntStream.range(from, to).map(sequences::item).distinct().toArray();
        for (int a : items) {
            count[a]++;
            for (int b : items) {
                if (a != b) {
                    similarity[a * n + b]++;
                }
            }
        }
    }

    /** Top k items by similarity to the last query item, query items excluded. */
    ScoredItems recommendFor(int[] recent, int k) {
        float[] scores = new float[n];
        System.arraycopy(similarity, recent[recent.length - 1] * n, scores, 0, n);
        for (int i : recent) {
            scores[i] = Float.NaN;
        }
        TopK top = new TopK(k);
        top.offerAll(scores, null);
        return top.drain();
    }
}
