package io.recsyslite.core.internal.data;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.Interactions;
import io.recsyslite.core.data.Sequences;
import java.util.Arrays;

/**
 * Builds the confidence matrix and the per-user sequences from event columns. Work is a counting
 * sort by user followed by primitive sorts within each user, O(n log n) on primitive arrays with a
 * handful of n-sized temporaries and no per-event objects.
 */
public final class InteractionsBuilder {
    private final ConfidenceWeighting weighting;

    public InteractionsBuilder(ConfidenceWeighting weighting) {
        this.weighting = weighting;
    }

    /** Result of one build: the confidence matrix and the time-ordered sequences. */
    public record Built(Interactions interactions, Sequences sequences) {
    }

    public Built build(EventColumns events, int numUsers, int numItems) {
        int n = events.size();
        int[] userStart = new int[numUsers + 1];
        long minTs = Long.MAX_VALUE;
        long maxTs = Long.MIN_VALUE;
        for (int e = 0; e < n; e++) {
            int u = events.user(e);
            int i = events.item(e);
            if (u < 0 || u >= numUsers || i < 0 || i >= numItems) {
                throw new IllegalArgumentException("event " + e + " has user " + u + " / item " + i
                        + " outside " + numUsers + " x " + numItems);
            }
            userStart[u + 1]++;
            minTs = Math.min(minTs, events.timestamp(e));
            maxTs = Math.max(maxTs, events.timestamp(e));
        }
        for (int u = 0; u < numUsers; u++) {
            userStart[u + 1] += userStart[u];
        }
        // Stable counting sort: byUser holds event numbers grouped by user, in input order.
        int[] byUser = new int[n];
        int[] next = Arrays.copyOf(userStart, numUsers);
        for (int e = 0; e < n; e++) {
            byUser[next[events.user(e)]++] = e;
        }
        long reference = weighting.referenceTime() != 0 ? weighting.referenceTime() : maxTs;
        Sequences sequences = sequences(events, userStart, byUser, n == 0 ? 0 : minTs);
        CsrMatrix matrix = confidences(events, userStart, byUser, numItems, reference);
        return new Built(new Interactions(matrix), sequences);
    }

    private Sequences sequences(EventColumns events, int[] userStart, int[] byUser, long minTs) {
        int n = byUser.length;
        int[] seqItems = new int[n];
        long[] seqTs = new long[n];
        float[] seqQty = new float[n];
        float[] seqWeights = new float[n];
        long[] keys = new long[n];
        for (int u = 0; u + 1 < userStart.length; u++) {
            int from = userStart[u];
            int len = userStart[u + 1] - from;
            // key = relative time * len + position within the user: sorts by time, ties by input order.
            for (int j = 0; j < len; j++) {
                long rel = events.timestamp(byUser[from + j]) - minTs;
                keys[from + j] = Math.addExact(Math.multiplyExact(rel, (long) len), j);
            }
            Arrays.sort(keys, from, from + len);
            for (int j = 0; j < len; j++) {
                int e = byUser[from + (int) (keys[from + j] % len)];
                seqItems[from + j] = events.item(e);
                seqTs[from + j] = events.timestamp(e);
                seqQty[from + j] = events.quantity(e);
                seqWeights[from + j] = events.typeWeight(e);
            }
        }
        return new Sequences(userStart.clone(), seqItems, seqTs, seqQty, seqWeights);
    }

    private CsrMatrix confidences(EventColumns events, int[] userStart, int[] byUser, int numItems,
                                  long reference) {
        int n = byUser.length;
        int numUsers = userStart.length - 1;
        long[] keys = new long[n];
        int[] indptr = new int[numUsers + 1];
        int[] indices = new int[n];
        float[] values = new float[n];
        int nnz = 0;
        for (int u = 0; u < numUsers; u++) {
            int from = userStart[u];
            int to = userStart[u + 1];
            // key = item << 32 | event number's offset, so one sort groups a user's events by item.
            for (int p = from; p < to; p++) {
                keys[p] = ((long) events.item(byUser[p]) << 32) | (p - from);
            }
            Arrays.sort(keys, from, to);
            int p = from;
            while (p < to) {
                int item = (int) (keys[p] >>> 32);
                double sum = 0;
                while (p < to && (int) (keys[p] >>> 32) == item) {
                    int e = byUser[from + (int) keys[p]];
                    sum += weighting.contribution(events.quantity(e), events.typeWeight(e), events.timestamp(e),
                            reference);
                    p++;
                }
                indices[nnz] = item;
                values[nnz] = weighting.quantity() == ConfidenceWeighting.Quantity.BINARY ? 1f : (float) sum;
                nnz++;
            }
            indptr[u + 1] = nnz;
        }
        return new CsrMatrix(numUsers, numItems, indptr, Arrays.copyOf(indices, nnz),
                Arrays.copyOf(values, nnz));
    }
}
