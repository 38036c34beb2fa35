package io.recsyslite.benchmarks.models2;

import io.recsyslite.core.data.Sequences;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.internal.data.TrainingDataBuilder;

/**
 * Leave-last-out: per user the last event by time (ties: file order) is held out, the rest trains.
 *
 * @param train   training data over the same ids
 * @param heldOut per user the held-out item, or -1 for users with fewer than 2 events
 * @param history per user the training items before the held-out one, oldest first
 */
record Split(TrainingData train, int[] heldOut, int[][] history) {

    static Split leaveLastOut(TrainingData all) {
        Sequences seq = all.sequences();
        int[] heldOut = new int[all.numUsers()];
        int[][] history = new int[all.numUsers()][];
        for (int u = 0; u < all.numUsers(); u++) {
            int[] items = seq.items(u);
            heldOut[u] = items.length >= 2 ? items[items.length - 1] : -1;
            history[u] = java.util.Arrays.copyOf(items, Math.max(0, items.length - 1));
        }
        TrainingData train = TrainingDataBuilder.withEvents(all, TrainingDataBuilder.events(seq, (u, p) -> seq.length(u) < 2 || p != seq.end(u) - 1));
        return new Split(train, heldOut, history);
    }
}
