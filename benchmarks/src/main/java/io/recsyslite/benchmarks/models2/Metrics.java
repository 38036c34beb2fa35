package io.recsyslite.benchmarks.models2;

import io.recsyslite.core.rank.ScoredItems;

/** Accumulates hit rate, NDCG and MRR at a cut-off for single held-out items. Not thread-safe. */
final class Metrics {
    private final int k;
    private double hits;
    private double ndcg;
    private double mrr;
    private int cases;

    Metrics(int k) {
        this.k = k;
    }

    void add(ScoredItems ranked, int target) {
        cases++;
        for (int r = 0; r < Math.min(k, ranked.size()); r++) {
            if (ranked.item(r) == target) {
                hits++;
                ndcg += 1.0 / (Math.log(r + 2) / Math.log(2));
                mrr += 1.0 / (r + 1);
                return;
            }
        }
    }

    double hitRate() {
        return hits / cases;
    }

    double ndcg() {
        return ndcg / cases;
    }

    double mrr() {
        return mrr / cases;
    }

    int cases() {
        return cases;
    }
}
