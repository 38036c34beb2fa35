package io.recsyslite.internal.sample;

import java.util.Arrays;

/**
 * The distinct items one user has bought so far: a list to pick repeat purchases from and an
 * open-addressing hash set to test membership in O(1). Reused across users. Not thread-safe.
 */
final class UserHistory {
    private int[] items = new int[16];
    private int[] table = new int[32];
    private int mask;
    private int size;

    /** Empties the history, making room for {@code capacity} items. */
    void reset(int capacity) {
        if (items.length < capacity) {
            items = new int[capacity];
        }
        // only the first tableSize slots are used, so a reset costs O(capacity), not O(largest user)
        int tableSize = Integer.highestOneBit(Math.max(16, capacity) * 2) * 2;
        if (table.length < tableSize) {
            table = new int[tableSize];
        }
        Arrays.fill(table, 0, tableSize, -1);
        mask = tableSize - 1;
        size = 0;
    }

    int size() {
        return size;
    }

    int get(int i) {
        return items[i];
    }

    boolean contains(int item) {
        return table[slot(item)] == item;
    }

    /** Adds the item unless present. */
    void add(int item) {
        int s = slot(item);
        if (table[s] != item) {
            table[s] = item;
            items[size++] = item;
        }
    }

    /** The slot holding {@code item}, or the empty slot where it belongs (linear probing). */
    private int slot(int item) {
        int s = (item * 0x9E3779B9) >>> 7 & mask;
        while (table[s] != -1 && table[s] != item) {
            s = (s + 1) & mask;
        }
        return s;
    }
}
