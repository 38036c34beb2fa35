package io.recsyslite.models.gru4rec;

import io.recsyslite.core.data.Sequences;
import java.util.Arrays;

/**
 * Users' time-ordered events cut into sessions: a pause longer than the gap starts a new session.
 * Session {@code s} is items {@code start(s) <= p < end(s)} of {@link #items()}. Immutable.
 */
final class Sessions {
    private final int[] indptr;
    private final int[] items;

    private Sessions(int[] indptr, int[] items) {
        this.indptr = indptr;
        this.items = items;
    }

    /** Splits every user's sequence at pauses longer than {@code gapSeconds}. */
    static Sessions split(Sequences sequences, long gapSeconds) {
        int[] indptr = new int[sequences.totalEvents() + 1];
        int count = 0;
        for (int u = 0; u < sequences.numUsers(); u++) {
            for (int p = sequences.start(u); p < sequences.end(u); p++) {
                if (p == sequences.start(u) || sequences.timestamp(p) - sequences.timestamp(p - 1) > gapSeconds) {
                    indptr[count++] = p;
                }
            }
        }
        indptr[count] = sequences.totalEvents();
        int[] items = new int[sequences.totalEvents()];
        for (int p = 0; p < items.length; p++) {
            items[p] = sequences.item(p);
        }
        return new Sessions(Arrays.copyOf(indptr, count + 1), items);
    }

    /**
     * Each user's latest session (the items after their last pause longer than the gap), at most the
     * last {@code maxLength} items; the users' sessions as a CSR-like pair of arrays.
     */
    static int[][] latest(Sequences sequences, long gapSeconds, int maxLength) {
        int[] indptr = new int[sequences.numUsers() + 1];
        int[] items = new int[sequences.totalEvents()];
        int n = 0;
        for (int u = 0; u < sequences.numUsers(); u++) {
            int from = sequences.end(u);
            while (from > sequences.start(u) && sequences.end(u) - from < maxLength
                    && (from == sequences.end(u)
                    || sequences.timestamp(from) - sequences.timestamp(from - 1) <= gapSeconds)) {
                from--;
            }
            for (int p = from; p < sequences.end(u); p++) {
                items[n++] = sequences.item(p);
            }
            indptr[u + 1] = n;
        }
        return new int[][] {indptr, Arrays.copyOf(items, n)};
    }

    int count() {
        return indptr.length - 1;
    }

    int length(int session) {
        return indptr[session + 1] - indptr[session];
    }

    /** Item at {@code position} (0-based) of the session. */
    int item(int session, int position) {
        return items[indptr[session] + position];
    }

    int[] items(int session) {
        return Arrays.copyOfRange(items, indptr[session], indptr[session + 1]);
    }
}
