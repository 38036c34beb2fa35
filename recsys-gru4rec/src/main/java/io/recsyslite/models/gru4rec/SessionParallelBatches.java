package io.recsyslite.models.gru4rec;

import java.util.Arrays;

/**
 * GRU4Rec's session-parallel mini-batches. {@code B} sessions run side by side, one per row; each
 * {@link #next()} step gives every row its session's current item as input and the following item
 * as target. When a row's session has no next item left, the next session in the epoch's order
 * takes that row and {@link #resets()} marks it, so the trainer zeroes the row's hidden state. The
 * epoch ends at the first step where a finished row finds no session left (as in the original).
 * Not thread-safe.
 */
final class SessionParallelBatches {
    private final Sessions sessions;
    private final int[] order;
    private final int[] session;
    private final int[] position;
    private final int[] inputs;
    private final int[] targets;
    private final boolean[] resets;
    private int nextInOrder;

    /**
     * @param order the sessions of this epoch, in the order they enter the batch; each must have at
     *              least two items (see {@link #trainable})
     * @param rows  number of parallel sessions; at most the number of sessions with two items
     */
    SessionParallelBatches(Sessions sessions, int[] order, int rows) {
        this.sessions = sessions;
        this.order = order;
        this.session = new int[rows];
        this.position = new int[rows];
        this.inputs = new int[rows];
        this.targets = new int[rows];
        this.resets = new boolean[rows];
        Arrays.fill(session, -1);
    }

    /** The sessions with at least two items (those that give targets), in index order. */
    static int[] trainable(Sessions sessions) {
        return java.util.stream.IntStream.range(0, sessions.count()).filter(s -> sessions.length(s) >= 2).toArray();
    }

    /** Advances one step; false when the epoch is over (a finished row found no session left). */
    boolean next() {
        for (int r = 0; r < session.length; r++) {
            boolean finished = session[r] < 0 || position[r] + 1 >= sessions.length(session[r]);
            resets[r] = finished;
            if (finished) {
                if (nextInOrder >= order.length) {
                    return false;
                }
                session[r] = order[nextInOrder++];
                position[r] = 0;
            }
            inputs[r] = sessions.item(session[r], position[r]);
            targets[r] = sessions.item(session[r], position[r] + 1);
            position[r]++;
        }
        return true;
    }

    int rows() {
        return session.length;
    }

    /** Each row's input item of the current step (shared array, valid until the next step). */
    int[] inputs() {
        return inputs;
    }

    /** Each row's target item of the current step (shared array). */
    int[] targets() {
        return targets;
    }

    /** Rows whose session started at this step: their hidden state must start from zero. */
    boolean[] resets() {
        return resets;
    }
}
