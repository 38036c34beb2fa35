package io.recsyslite.core.data;

import java.util.Arrays;

/**
 * Every user's events as a time-ordered item sequence (repeats kept; ties in time keep input
 * order). User {@code u}'s events are at positions {@code start(u) <= p < end(u)}. Immutable.
 */
public final class Sequences {
    private final int[] indptr;
    private final int[] items;
    private final long[] timestamps;
    private final float[] quantities;
    private final float[] typeWeights;

    /** Events of no particular type (type weight 1). Takes ownership of the arrays. */
    public Sequences(int[] indptr, int[] items, long[] timestamps, float[] quantities) {
        this(indptr, items, timestamps, quantities, ones(items.length));
    }

    /** Takes ownership of the arrays. */
    public Sequences(int[] indptr, int[] items, long[] timestamps, float[] quantities, float[] typeWeights) {
        if (indptr[indptr.length - 1] != items.length || items.length != timestamps.length
                || items.length != quantities.length || items.length != typeWeights.length) {
            throw new IllegalArgumentException("inconsistent sequence arrays");
        }
        this.indptr = indptr;
        this.items = items;
        this.timestamps = timestamps;
        this.quantities = quantities;
        this.typeWeights = typeWeights;
    }

    private static float[] ones(int n) {
        float[] ones = new float[n];
        Arrays.fill(ones, 1f);
        return ones;
    }

    public int numUsers() {
        return indptr.length - 1;
    }

    public int totalEvents() {
        return items.length;
    }

    public int start(int user) {
        return indptr[user];
    }

    public int end(int user) {
        return indptr[user + 1];
    }

    public int length(int user) {
        return indptr[user + 1] - indptr[user];
    }

    public int item(int pos) {
        return items[pos];
    }

    public long timestamp(int pos) {
        return timestamps[pos];
    }

    public float quantity(int pos) {
        return quantities[pos];
    }

    /** The weight of the event's type (1 when events have no types). */
    public float typeWeight(int pos) {
        return typeWeights[pos];
    }

    /** User's items, oldest first (a copy). */
    public int[] items(int user) {
        return Arrays.copyOfRange(items, indptr[user], indptr[user + 1]);
    }

    public long[] timestamps(int user) {
        return Arrays.copyOfRange(timestamps, indptr[user], indptr[user + 1]);
    }
}
