package io.recsyslite.models.itemknn;

import io.recsyslite.core.data.CsrMatrix;
import java.util.Locale;

/**
 * Re-weights the item x user matrix before cosine similarity, as the Python {@code implicit}
 * library does: users with many items count less (TF-IDF, BM25), and BM25 also saturates large
 * confidences and normalises by item popularity. Stateless.
 */
enum Weighting {
    NONE, TFIDF, BM25;

    static Weighting parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The weighted copy of {@code itemUsers} (rows items, columns users). */
    CsrMatrix apply(CsrMatrix itemUsers, double k1, double b) {
        if (this == NONE) {
            return itemUsers;
        }
        int numItems = itemUsers.rows();
        double[] idf = new double[itemUsers.cols()];
        int[] itemsPerUser = new int[itemUsers.cols()];
        for (int p = 0; p < itemUsers.nnz(); p++) {
            itemsPerUser[itemUsers.col(p)]++;
        }
        for (int u = 0; u < idf.length; u++) {
            idf[u] = Math.log(numItems) - Math.log1p(itemsPerUser[u]);
        }
        double[] rowSums = new double[numItems];
        double total = 0;
        for (int i = 0; i < numItems; i++) {
            for (int p = itemUsers.start(i); p < itemUsers.end(i); p++) {
                rowSums[i] += itemUsers.value(p);
            }
            total += rowSums[i];
        }
        double average = numItems == 0 ? 1 : total / numItems;
        float[] values = new float[itemUsers.nnz()];
        for (int i = 0; i < numItems; i++) {
            double lengthNorm = (1 - b) + b * rowSums[i] / average;
            for (int p = itemUsers.start(i); p < itemUsers.end(i); p++) {
                double v = itemUsers.value(p);
                double w = this == TFIDF ? Math.sqrt(v) : v * (k1 + 1) / (k1 * lengthNorm + v);
                values[p] = (float) (w * idf[itemUsers.col(p)]);
            }
        }
        return new CsrMatrix(numItems, itemUsers.cols(), itemUsers.copyIndptr(), itemUsers.copyIndices(), values);
    }
}
