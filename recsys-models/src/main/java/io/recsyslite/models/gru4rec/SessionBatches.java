package io.recsyslite.models.gru4rec;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Padded mini-batches of next-item examples. Sessions are cut into pieces of at most
 * {@code maxLength + 1} items; a piece of n items gives inputs {@code 0..n-2} and targets
 * {@code 1..n-1}. Pieces are shuffled and grouped {@code batchSize} at a time, left-aligned and
 * padded to the batch's longest piece, with masks so padding neither feeds nor trains the net.
 * (Padded batches instead of GRU4Rec's session-parallel batches: simpler, and every session
 * starts from a zero hidden state either way.) Not thread-safe.
 */
final class SessionBatches {
    private final List<int[]> pieces = new ArrayList<>();
    private final int numItems;
    private final int batchSize;

    SessionBatches(Sessions sessions, int maxLength, int batchSize, int numItems) {
        this.numItems = numItems;
        this.batchSize = batchSize;
        for (int s = 0; s < sessions.count(); s++) {
            int[] items = sessions.items(s);
            for (int from = 0; from + 1 < items.length; from += maxLength) {
                pieces.add(java.util.Arrays.copyOfRange(items, from, Math.min(items.length, from + maxLength + 1)));
            }
        }
    }

    /** Number of next-item targets in one epoch. */
    long targets() {
        return pieces.stream().mapToLong(p -> p.length - 1).sum();
    }

    int batches() {
        return (pieces.size() + batchSize - 1) / batchSize;
    }

    /** Shuffles the pieces for a new epoch. */
    void shuffle(SplittableRandom random) {
        for (int i = pieces.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            pieces.set(i, pieces.set(j, pieces.get(i)));
        }
    }

    DataSet batch(int b) {
        List<int[]> part = pieces.subList(b * batchSize, Math.min(pieces.size(), (b + 1) * batchSize));
        int rows = part.size();
        int steps = part.stream().mapToInt(p -> p.length - 1).max().orElse(1);
        float[][] inputs = new float[rows][steps];
        float[][] mask = new float[rows][steps];
        INDArray labels = Nd4j.zeros(DataType.FLOAT, rows, numItems, steps);
        for (int r = 0; r < rows; r++) {
            int[] piece = part.get(r);
            for (int t = 0; t + 1 < piece.length; t++) {
                inputs[r][t] = piece[t];
                mask[r][t] = 1f;
                labels.putScalar(new long[] {r, piece[t + 1], t}, 1f);
            }
        }
        INDArray maskArray = Nd4j.createFromArray(mask);
        return new DataSet(Nd4j.createFromArray(inputs), labels, maskArray, maskArray);
    }

    /** The input row of a query: the last {@code maxLength} items, as a {@code [1, T]} array. */
    static INDArray query(int[] recentItems, int maxLength) {
        int from = Math.max(0, recentItems.length - maxLength);
        float[][] row = new float[1][recentItems.length - from];
        for (int t = from; t < recentItems.length; t++) {
            row[0][t - from] = recentItems[t];
        }
        return Nd4j.createFromArray(row);
    }
}
