package io.recsyslite.benchmarks.models;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.Interactions;
import io.recsyslite.core.data.ItemMetadata;
import io.recsyslite.core.data.Sequences;
import io.recsyslite.core.data.TrainingData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic shop generated straight into CSR form: item popularity and user activity both follow
 * power laws. No event sequences (the matrix models do not need them), so the heap holds little
 * besides the two CSR matrices.
 */
final class SyntheticShop {
    private SyntheticShop() {
    }

    static TrainingData generate(int users, int items, long interactions, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] itemCdf = new double[items];
        double sum = 0;
        for (int i = 0; i < items; i++) {
            sum += Math.pow(i + 1, -0.8);
            itemCdf[i] = sum;
        }
        double[] activity = new double[users];
        double activitySum = 0;
        for (int u = 0; u < users; u++) {
            activity[u] = Math.pow(u + 1, -0.5);
            activitySum += activity[u];
        }
        int cap = items / 10;
        int[] indptr = new int[users + 1];
        for (int u = 0; u < users; u++) {
            int n = (int) Math.max(1, Math.min(cap, Math.round(interactions * activity[u] / activitySum)));
            indptr[u + 1] = indptr[u] + n;
        }
        int[] indices = new int[indptr[users]];
        boolean[] taken = new boolean[items];
        for (int u = 0; u < users; u++) {
            int from = indptr[u];
            int to = indptr[u + 1];
            int p = from;
            while (p < to) {
                int pos = Arrays.binarySearch(itemCdf, random.nextDouble() * sum);
                int item = pos >= 0 ? pos : Math.min(items - 1, -pos - 1);
                if (!taken[item]) {
                    taken[item] = true;
                    indices[p++] = item;
                }
            }
            Arrays.sort(indices, from, to);
            for (int q = from; q < to; q++) {
                taken[indices[q]] = false;
            }
        }
        float[] values = new float[indices.length];
        Arrays.fill(values, 1f);
        CsrMatrix matrix = new CsrMatrix(users, items, indptr, indices, values);
        Sequences none = new Sequences(new int[users + 1], new int[0], new long[0], new float[0]);
        return new TrainingData(ids("u", users), ids("i", items), new Interactions(matrix), none,
                ItemMetadata.empty(items), ConfidenceWeighting.binary());
    }

    private static IdIndex ids(String prefix, int n) {
        List<String> ids = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            ids.add(prefix + k);
        }
        return IdIndex.of(ids);
    }
}
