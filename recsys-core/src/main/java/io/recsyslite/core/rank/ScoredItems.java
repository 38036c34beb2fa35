package io.recsyslite.core.rank;

import java.util.Arrays;

/**
 * A ranked result: dense item ints and their scores, best first. The arrays are owned by this
 * object and never modified after construction; accessors copy.
 */
public final class ScoredItems {
    private static final ScoredItems EMPTY = new ScoredItems(new int[0], new float[0]);

    private final int[] items;
    private final float[] scores;

    /** Takes ownership of the arrays; the caller must not modify them afterwards. */
    public ScoredItems(int[] items, float[] scores) {
        if (items.length != scores.length) {
            throw new IllegalArgumentException("items and scores differ in length");
        }
        this.items = items;
        this.scores = scores;
    }

    public static ScoredItems empty() {
        return EMPTY;
    }

    public int size() {
        return items.length;
    }

    public int item(int rank) {
        return items[rank];
    }

    public float score(int rank) {
        return scores[rank];
    }

    public int[] items() {
        return items.clone();
    }

    public float[] scores() {
        return scores.clone();
    }

    @Override
    public String toString() {
        return "ScoredItems" + Arrays.toString(items);
    }
}
