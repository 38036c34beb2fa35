package io.recsyslite.core.internal.eval;

import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.spi.Recommender;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges a trained model on held-out interactions with full ranking over the catalogue: every user
 * with a held-out item asks {@code recommend(user, RecommendRequest.top(maxK))}, which excludes the
 * user's training items, and the ranking is scored against the held-out items. A held-out item the
 * model cannot rank (e.g. also a training item) is simply a miss. Users are spread over an own pool
 * of {@code threads} threads. Immutable and thread-safe.
 */
public final class Evaluator {
    private final int threads;
    private final List<RankingMetric> metrics;

    public Evaluator(int threads, List<RankingMetric> metrics) {
        if (threads < 1) {
            throw new InvalidParameterException("threads must be >= 1, was " + threads);
        }
        if (metrics.isEmpty()) {
            throw new InvalidParameterException("at least one metric is needed");
        }
        this.threads = threads;
        this.metrics = List.copyOf(metrics);
    }

    /** An evaluator for metric names such as "ndcg@20", "hr@10", "mrr", "coverage@20". */
    public static Evaluator of(int threads, List<String> metricNames) {
        return new Evaluator(threads, RankingMetric.parseAll(metricNames));
    }

    public List<RankingMetric> metrics() {
        return metrics;
    }

    public EvaluationReport evaluate(Recommender model, Split split) {
        return evaluate(model, split.test());
    }

    /** Evaluates {@code model} against {@code test} (users x items over the model's id indexes). */
    public EvaluationReport evaluate(Recommender model, CsrMatrix test) {
        return perUser(model, test).report();
    }

    /**
     * As {@link #evaluate(Recommender, CsrMatrix)}, keeping each user's value of every per-user
     * metric, for confidence intervals and paired tests over users.
     */
    public UserScores perUser(Recommender model, CsrMatrix test) {
        int numItems = model.items().size();
        if (test.rows() != model.users().size() || test.cols() != numItems) {
            throw new IllegalArgumentException("test matrix " + test + " does not match the model's "
                    + model.users().size() + " users x " + numItems + " items");
        }
        int maxK = metrics.stream().mapToInt(m -> Math.min(m.k(), numItems)).max().orElseThrow();
        RecommendRequest request = RecommendRequest.top(Math.max(1, maxK));
        int[] users = usersWithTestItems(test);
        double[][] values = new double[metrics.size()][users.length];
        List<BitSet[]> partials = UserChunks.map(threads, users, (chunk, from, to) -> {
            BitSet[] recommended = new BitSet[metrics.size()];
            for (int i = from; i < to; i++) {
                int user = chunk[i];
                ScoredItems ranked = model.recommend(user, request);
                for (int m = 0; m < metrics.size(); m++) {
                    RankingMetric metric = metrics.get(m);
                    if (metric.perUser()) {
                        values[m][i] = metric.userValue(ranked, item -> test.contains(user, item), test.rowLength(user));
                    } else {
                        recommended[m] = recommended[m] == null ? new BitSet(numItems) : recommended[m];
                        for (int r = 0; r < Math.min(metric.k(), ranked.size()); r++) {
                            recommended[m].set(ranked.item(r));
                        }
                    }
                }
            }
            return recommended;
        });
        Map<String, double[]> perUser = new LinkedHashMap<>();
        Map<String, Double> coverage = new LinkedHashMap<>();
        for (int m = 0; m < metrics.size(); m++) {
            RankingMetric metric = metrics.get(m);
            if (metric.perUser()) {
                perUser.put(metric.name(), values[m]);
            } else {
                BitSet all = new BitSet(numItems);
                for (BitSet[] partial : partials) {
                    if (partial[m] != null) {
                        all.or(partial[m]);
                    }
                }
                coverage.put(metric.name(), all.cardinality() / (double) Math.max(1, numItems));
            }
        }
        return new UserScores(users, perUser, coverage, metrics.stream().map(RankingMetric::name).toList());
    }

    private static int[] usersWithTestItems(CsrMatrix test) {
        int n = 0;
        int[] users = new int[test.rows()];
        for (int u = 0; u < test.rows(); u++) {
            if (test.rowLength(u) > 0) {
                users[n++] = u;
            }
        }
        return Arrays.copyOf(users, n);
    }
}
