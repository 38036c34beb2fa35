package io.recsyslite.models.gru4rec;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws negative items with probability proportional to {@code popularity^alpha} (GRU4Rec's
 * sampling: alpha 0 is uniform, 1 is by popularity). Immutable; the caller supplies the random source.
 */
final class NegativeSampler {
    private final double[] cumulative;

    /** @param counts number of events of each item */
    NegativeSampler(int[] counts, double alpha) {
        cumulative = new double[counts.length];
        double total = 0;
        for (int i = 0; i < counts.length; i++) {
            total += Math.pow(counts[i], alpha);
            cumulative[i] = total;
        }
    }

    /** Fills {@code out[from..]} with sampled items (with replacement). */
    void sample(int[] out, int from, SplittableRandom random) {
        double total = cumulative[cumulative.length - 1];
        for (int k = from; k < out.length; k++) {
            int i = Arrays.binarySearch(cumulative, random.nextDouble() * total);
            i = i >= 0 ? i + 1 : -i - 1;
            out[k] = Math.min(i, cumulative.length - 1);
        }
    }
}
