package io.recsyslite.core.rank;

/**
 * Bounded min-heap that keeps the {@code k} highest-scoring items offered to it, on primitive
 * arrays (no boxing). Ties are broken towards the lower item int so results are deterministic.
 * Not thread-safe: use one per thread and {@link #merge} them.
 */
public final class TopK {
    private final int k;
    private final int[] items;
    private final float[] scores;
    private int size;

    public TopK(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, was " + k);
        }
        this.k = k;
        this.items = new int[k];
        this.scores = new float[k];
    }

    /** The score an item must beat to enter, or -infinity while the heap is not full. */
    public float threshold() {
        return size < k ? Float.NEGATIVE_INFINITY : scores[0];
    }

    public int size() {
        return size;
    }

    public void offer(int item, float score) {
        if (k == 0 || Float.isNaN(score)) {
            return;
        }
        if (size < k) {
            items[size] = item;
            scores[size] = score;
            siftUp(size++);
        } else if (better(item, score, items[0], scores[0])) {
            items[0] = item;
            scores[0] = score;
            siftDown(0);
        }
    }

    /** Offers every non-excluded item of a dense score vector. */
    public void offerAll(float[] itemScores, ItemFilter accept) {
        for (int i = 0; i < itemScores.length; i++) {
            float s = itemScores[i];
            if (s > threshold() || size < k) {
                if (accept == null || accept.accept(i)) {
                    offer(i, s);
                }
            }
        }
    }

    public void merge(TopK other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.items[i], other.scores[i]);
        }
    }

    /** The kept items, best first. The heap is left empty. */
    public ScoredItems drain() {
        int n = size;
        int[] outItems = new int[n];
        float[] outScores = new float[n];
        for (int i = n - 1; i >= 0; i--) {
            outItems[i] = items[0];
            outScores[i] = scores[0];
            size--;
            items[0] = items[size];
            scores[0] = scores[size];
            siftDown(0);
        }
        return new ScoredItems(outItems, outScores);
    }

    /** True when (itemA, scoreA) ranks above (itemB, scoreB). */
    private static boolean better(int itemA, float scoreA, int itemB, float scoreB) {
        return scoreA > scoreB || (scoreA == scoreB && itemA < itemB);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(items[parent], scores[parent], items[i], scores[i])) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && better(items[left], scores[left], items[right], scores[right])) {
                worst = right;
            }
            if (!better(items[i], scores[i], items[worst], scores[worst])) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        int ti = items[a];
        items[a] = items[b];
        items[b] = ti;
        float ts = scores[a];
        scores[a] = scores[b];
        scores[b] = ts;
    }
}
