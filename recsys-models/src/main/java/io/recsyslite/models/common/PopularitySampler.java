package io.recsyslite.models.common;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws items with probability proportional to {@code count^alpha}: word2vec's unigram^0.75 table
 * and GRU4Rec's popularity sampling (alpha 0 is uniform, 1 is by popularity; with alpha > 0 an item
 * of count 0 is never drawn). Immutable and thread-safe; the caller supplies the random source.
 */
public final class PopularitySampler {
    private final double[] cumulative;

    /** @param counts how often each item occurs */
    public PopularitySampler(long[] counts, double alpha) {
        cumulative = new double[counts.length];
        double total = 0;
        for (int i = 0; i < counts.length; i++) {
            total += Math.pow(counts[i], alpha);
            cumulative[i] = total;
        }
    }

    /** One item (with replacement). */
    public int next(SplittableRandom random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
        i = i >= 0 ? i + 1 : -i - 1;
        return Math.min(i, cumulative.length - 1);
    }
}
