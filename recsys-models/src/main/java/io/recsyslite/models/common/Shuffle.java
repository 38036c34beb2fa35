package io.recsyslite.models.common;

import java.util.SplittableRandom;

/** Fisher-Yates shuffles of int arrays with a caller-supplied random source. */
public final class Shuffle {
    private Shuffle() {
    }

    /** Shuffles {@code a} in place. */
    public static void shuffle(int[] a, SplittableRandom random) {
        shuffle(a, 0, a.length, random);
    }

    /** Shuffles {@code a[from..to)} in place. */
    public static void shuffle(int[] a, int from, int to, SplittableRandom random) {
        for (int i = to - 1; i > from; i--) {
            int j = from + random.nextInt(i - from + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
