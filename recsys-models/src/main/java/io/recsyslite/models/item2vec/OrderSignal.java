package io.recsyslite.models.item2vec;

import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.Sequences;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Whether the order of users' events carries a signal: when it does, items next to each other in a
 * user's sequence are bought together by other users more often than two items of the same user
 * picked at random. Compares the mean number of other users sharing an adjacent pair with the same
 * mean over random pairs of the same users, on a seeded sample of pairs. Stateless.
 */
final class OrderSignal {
    /** Pairs sampled of each kind. */
    static final int PAIRS = 20_000;
    /** Adjacent pairs must share other users this much more often than random pairs. */
    static final double THRESHOLD = 1.1;

    private OrderSignal() {
    }

    /** Adjacent-pair co-occurrence over random-pair co-occurrence; 1 when neither co-occurs or too few events. */
    static double ratio(Sequences sequences, CsrMatrix itemUsers, long seed) {
        int[] users = IntStream.range(0, sequences.numUsers())
                .filter(u -> sequences.length(u) >= 3).toArray();
        if (users.length == 0) {
            return 1;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x0DDBA11L);
        double adjacent = 0;
        double apart = 0;
        for (int k = 0; k < PAIRS; k++) {
            int u = users[random.nextInt(users.length)];
            int start = sequences.start(u);
            int length = sequences.length(u);
            int p = start + 1 + random.nextInt(length - 1);
            int q = start + random.nextInt(length - 1); // any other position of the user
            q = q >= p ? q + 1 : q;
            adjacent += shared(itemUsers, sequences.item(p - 1), sequences.item(p));
            apart += shared(itemUsers, sequences.item(p), sequences.item(q));
        }
        return adjacent == 0 && apart == 0 ? 1 : adjacent / Math.max(apart, 1e-9);
    }

    /** Whether adjacent items are related beyond chance, so recent items say more than the whole history. */
    static boolean carriesSignal(double ratio) {
        return ratio >= THRESHOLD;
    }

    /** Users (other than one) who have both items; 0 for the same item. */
    private static int shared(CsrMatrix itemUsers, int a, int b) {
        if (a == b) {
            return 0;
        }
        int i = itemUsers.start(a);
        int j = itemUsers.start(b);
        int both = 0;
        while (i < itemUsers.end(a) && j < itemUsers.end(b)) {
            int x = itemUsers.col(i);
            int y = itemUsers.col(j);
            if (x == y) {
                both++;
                i++;
                j++;
            } else if (x < y) {
                i++;
            } else {
                j++;
            }
        }
        return Math.max(0, both - 1);
    }
}
