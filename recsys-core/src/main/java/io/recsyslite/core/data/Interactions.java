package io.recsyslite.core.data;

/**
 * The user x item confidence matrix and its transpose (item x user), both CSR. Immutable and
 * thread-safe; built by the store (io.recsyslite.core.internal.data.InteractionsBuilder).
 */
public final class Interactions {
    private final CsrMatrix userItems;
    private final CsrMatrix itemUsers;

    public Interactions(CsrMatrix userItems) {
        this.userItems = userItems;
        this.itemUsers = userItems.transpose();
    }

    public CsrMatrix userItems() {
        return userItems;
    }

    public CsrMatrix itemUsers() {
        return itemUsers;
    }

    public int numUsers() {
        return userItems.rows();
    }

    public int numItems() {
        return userItems.cols();
    }

    public int nnz() {
        return userItems.nnz();
    }

    /** Number of distinct users who interacted with each item. */
    public int[] itemPopularity() {
        int[] counts = new int[numItems()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = itemUsers.rowLength(i);
        }
        return counts;
    }
}
