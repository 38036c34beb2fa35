package io.recsyslite.core.internal.data;

import java.util.Arrays;

/**
 * A growable column store of events in dense ints: user, item, timestamp, quantity and the weight
 * of the event's type, in arrival order. Five primitive arrays, no object per event, so tens of millions of events fit in a
 * small heap. Not thread-safe; fill it, then hand it to {@link InteractionsBuilder}.
 */
public final class EventColumns {
    private int[] users;
    private int[] items;
    private long[] timestamps;
    private float[] quantities;
    private float[] typeWeights;
    private int size;

    public EventColumns() {
        this(1024);
    }

    public EventColumns(int expectedSize) {
        int capacity = Math.max(16, expectedSize);
        users = new int[capacity];
        items = new int[capacity];
        timestamps = new long[capacity];
        quantities = new float[capacity];
        typeWeights = new float[capacity];
    }

    /** An event of no particular type (type weight 1). */
    public void add(int user, int item, long timestamp, float quantity) {
        add(user, item, timestamp, quantity, 1f);
    }

    public void add(int user, int item, long timestamp, float quantity, float typeWeight) {
        if (size == users.length) {
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8, users.length * 3L / 2 + 16);
            users = Arrays.copyOf(users, capacity);
            items = Arrays.copyOf(items, capacity);
            timestamps = Arrays.copyOf(timestamps, capacity);
            quantities = Arrays.copyOf(quantities, capacity);
            typeWeights = Arrays.copyOf(typeWeights, capacity);
        }
        users[size] = user;
        items[size] = item;
        timestamps[size] = timestamp;
        quantities[size] = quantity;
        typeWeights[size] = typeWeight;
        size++;
    }

    public int size() {
        return size;
    }

    public int user(int i) {
        return users[i];
    }

    public int item(int i) {
        return items[i];
    }

    public long timestamp(int i) {
        return timestamps[i];
    }

    public float quantity(int i) {
        return quantities[i];
    }

    /** The weight of the event's type (see {@link ConfidenceWeighting#typeWeight}). */
    public float typeWeight(int i) {
        return typeWeights[i];
    }
}
