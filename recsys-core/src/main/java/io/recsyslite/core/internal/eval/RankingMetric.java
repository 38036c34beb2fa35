package io.recsyslite.core.internal.eval;

import io.recsyslite.core.error.UnknownNameException;
import io.recsyslite.core.rank.ScoredItems;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * A top-k ranking metric with binary relevance, parsed from names such as {@code "ndcg@20"}.
 * Per user (then averaged over users): HR@k is 1 when a relevant item is in the top k; NDCG@k sums
 * {@code 1/log2(rank+1)} over relevant items in the top k (rank from 1) divided by the same sum over
 * the first {@code min(k, |relevant|)} ranks; Recall@k is hits / |relevant|; Precision@k is hits / k;
 * MAP@k sums precision at each relevant rank up to k, divided by {@code min(k, |relevant|)};
 * MRR@k is 1 / rank of the first relevant item within the top k, and plain {@code "mrr"} looks at the
 * full ranking of the catalogue. Coverage@k is not per user: distinct items in all users' top k
 * divided by the catalogue size. Immutable.
 *
 * @param kind what is measured
 * @param k    the cutoff, or {@link #FULL_RANKING} for plain "mrr"
 */
public record RankingMetric(Kind kind, int k) {
    /** The k of a metric over the whole ranking. */
    public static final int FULL_RANKING = Integer.MAX_VALUE;

    /** The measures, by name prefix. */
    public enum Kind {
        HR, NDCG, RECALL, PRECISION, MAP, MRR, COVERAGE;

        String prefix() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final List<String> VALID = List.of("hr@K", "ndcg@K", "recall@K", "precision@K", "map@K",
            "mrr", "mrr@K", "coverage@K");

    public RankingMetric {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
    }

    /** Parses e.g. "ndcg@20", "HR@10", "mrr"; an unknown name fails listing the valid forms. */
    public static RankingMetric parse(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        if (s.equals("mrr")) {
            return new RankingMetric(Kind.MRR, FULL_RANKING);
        }
        int at = s.indexOf('@');
        if (at > 0) {
            for (Kind kind : Kind.values()) {
                if (kind.prefix().equals(s.substring(0, at))) {
                    try {
                        int k = Integer.parseInt(s.substring(at + 1));
                        if (k >= 1) {
                            return new RankingMetric(kind, k);
                        }
                    } catch (NumberFormatException e) {
                        break; // reported below with the valid forms
                    }
                }
            }
        }
        throw new UnknownNameException("metric", name, VALID);
    }

    public static List<RankingMetric> parseAll(List<String> names) {
        return names.stream().map(RankingMetric::parse).toList();
    }

    /** The canonical name, e.g. "ndcg@20" or "mrr". */
    public String name() {
        return k == FULL_RANKING ? kind.prefix() : kind.prefix() + "@" + k;
    }

    /** True for metrics averaged over users (all but coverage). */
    public boolean perUser() {
        return kind != Kind.COVERAGE;
    }

    /**
     * This metric for one user's ranking, best first; {@code relevant} tells held-out items and
     * {@code numRelevant} is how many there are (> 0). Not for coverage.
     */
    public double userValue(ScoredItems ranked, IntPredicate relevant, int numRelevant) {
        int cutoff = Math.min(k, ranked.size());
        int hits = 0;
        double dcg = 0;
        double precisionSum = 0;
        int firstHit = -1;
        for (int r = 0; r < cutoff; r++) {
            if (relevant.test(ranked.item(r))) {
                hits++;
                dcg += discount(r);
                precisionSum += hits / (r + 1.0);
                if (firstHit < 0) {
                    firstHit = r;
                }
            }
        }
        return switch (kind) {
            case HR -> hits > 0 ? 1 : 0;
            case NDCG -> dcg / idealDcg(Math.min(k, numRelevant));
            case RECALL -> hits / (double) numRelevant;
            case PRECISION -> hits / (double) k;
            case MAP -> precisionSum / Math.min(k, numRelevant);
            case MRR -> firstHit < 0 ? 0 : 1.0 / (firstHit + 1);
            case COVERAGE -> throw new IllegalStateException("coverage is not a per-user metric");
        };
    }

    /** 1 / log2(rank + 2) for a 0-based rank. */
    private static double discount(int rank) {
        return 1.0 / (Math.log(rank + 2) / Math.log(2));
    }

    private static double idealDcg(int n) {
        double sum = 0;
        for (int r = 0; r < n; r++) {
            sum += discount(r);
        }
        return sum;
    }

    @Override
    public String toString() {
        return name();
    }
}
