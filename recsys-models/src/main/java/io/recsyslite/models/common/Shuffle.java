package io.recsyslite.models.common;

import java.util.SplittableRandom;

/** Fisher-Yates shuffles of int arrays with a caller-supplied random source. */
public final class Shuffle {
    private Shuffle() {
    }

    /** Shuffles {@code a} in place. */
    public static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
