package io.recsyslite.core.internal.eval;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.Sequences;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.internal.data.EventColumns;
import io.recsyslite.core.internal.data.InteractionsBuilder;
import io.recsyslite.core.internal.data.TrainingDataBuilder;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

/**
 * Splits training data into a training part and held-out test interactions. The factories here
 * are the supported splits; all are deterministic. Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface Splitter {
    Split split(TrainingData data);

    /**
     * Holds out each user's last {@code n} events by timestamp (ties: the later in input order is
     * the later event). A user with at most {@code n} events has all of them held out. A held-out
     * item bought earlier too (a repeat purchase) stays a training item, so ranking excludes it.
     */
    static Splitter leaveLastOut(int n) {
        if (n < 1) {
            throw new InvalidParameterException("leave-last-out n must be >= 1, was " + n);
        }
        return data -> {
            Sequences seq = data.sequences();
            return byEvent(data, (user, pos) -> pos >= seq.end(user) - n);
        };
    }

    /**
     * Holds out each user's last {@code fraction} of events by timestamp (rounded, at least one and
     * at most all but one, so every user with two or more events keeps its earliest for training; a
     * user with one event keeps it for training). Like {@link #leaveLastOut} it asks for the next
     * items, but gives active users several held-out items and never leaves a user without history.
     */
    static Splitter leaveLastFraction(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new InvalidParameterException("leave-last fraction must be in (0, 1), was " + fraction);
        }
        return data -> {
            Sequences seq = data.sequences();
            return byEvent(data, (user, pos) -> {
                int events = seq.length(user);
                int held = (int) Math.min(Math.max(1, Math.round(events * fraction)), events - 1);
                return pos >= seq.end(user) - held;
            });
        };
    }

    /**
     * Holds out a random {@code testSize} fraction of each user's distinct items (rounded, and at
     * most all but one, so every user with two or more items keeps one for training); all events of
     * a held-out item go to test, so a held-out item is never also a training item. Deterministic
     * for a seed.
     */
    static Splitter randomHoldout(double testSize, long seed) {
        if (!(testSize > 0 && testSize < 1)) {
            throw new InvalidParameterException("testSize must be in (0, 1), was " + testSize);
        }
        return data -> {
            CsrMatrix chosen = choosePairs(data.interactions().userItems(),
                    items -> (int) Math.min(Math.round(items * testSize), Math.max(0, items - 1)),
                    new SplittableRandom(seed));
            Sequences seq = data.sequences();
            return byEvent(data, (user, pos) -> chosen.contains(user, seq.item(pos)));
        };
    }

    /**
     * Holds out one random distinct item (all its events) of each user with two or more distinct
     * items: the protocol for data whose event order carries no signal. Deterministic for a seed.
     */
    static Splitter randomOneOut(long seed) {
        return data -> {
            CsrMatrix chosen = choosePairs(data.interactions().userItems(), items -> items >= 2 ? 1 : 0,
                    new SplittableRandom(seed));
            Sequences seq = data.sequences();
            return byEvent(data, (user, pos) -> chosen.contains(user, seq.item(pos)));
        };
    }

    /** Events at or after {@code cutoffTs} go to test, earlier ones to training. */
    static Splitter timeCutoff(long cutoffTs) {
        return data -> {
            Sequences seq = data.sequences();
            return byEvent(data, (user, pos) -> seq.timestamp(pos) >= cutoffTs);
        };
    }

    /** Per user, {@code take(distinct items)} of its distinct items, chosen at random. */
    private static CsrMatrix choosePairs(CsrMatrix seen, IntUnaryOperator take, SplittableRandom random) {
        int[] indptr = new int[seen.rows() + 1];
        int[] indices = new int[seen.nnz()];
        int nnz = 0;
        for (int u = 0; u < seen.rows(); u++) {
            int[] items = seen.rowIndices(u);
            int taken = take.applyAsInt(items.length);
            for (int j = 0; j < taken; j++) { // partial Fisher-Yates
                int pick = j + random.nextInt(items.length - j);
                int swap = items[pick];
                items[pick] = items[j];
                items[j] = swap;
            }
            Arrays.sort(items, 0, taken);
            System.arraycopy(items, 0, indices, nnz, taken);
            nnz += taken;
            indptr[u + 1] = nnz;
        }
        return new CsrMatrix(seen.rows(), seen.cols(), indptr, Arrays.copyOf(indices, nnz), new float[nnz]);
    }

    /** Events for which {@code test} holds go to the test matrix, the rest to training. */
    private static Split byEvent(TrainingData data, TrainingDataBuilder.EventPredicate test) {
        Sequences seq = data.sequences();
        EventColumns testEvents = TrainingDataBuilder.events(seq, test);
        TrainingData train = TrainingDataBuilder.withEvents(data, TrainingDataBuilder.events(seq, (user, pos) -> !test.test(user, pos)));
        CsrMatrix testMatrix = new InteractionsBuilder(ConfidenceWeighting.binary())
                .build(testEvents, data.numUsers(), data.numItems()).interactions().userItems();
        return new Split(train, testMatrix);
    }
}
