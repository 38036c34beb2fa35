package io.recsyslite.core.eval;

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
        int numItems = model.items().size();
        if (test.rows() != model.users().size() || test.cols() != numItems) {
            throw new IllegalArgumentException("test matrix " + test + " does not match the model's "
                    + model.users().size() + " users x " + numItems + " items");
        }
        int maxK = metrics.stream().mapToInt(m -> Math.min(m.k(), numItems)).max().orElseThrow();
        RecommendRequest request = RecommendRequest.top(Math.max(1, maxK));
        int[] users = usersWithTestItems(test);
        List<Partial> partials = UserChunks.map(threads, users, (chunk, from, to) -> {
            Partial partial = new Partial(metrics.size(), numItems);
            for (int i = from; i < to; i++) {
                int user = chunk[i];
                partial.add(model.recommend(user, request), test, user);
            }
            return partial;
        });
        Partial total = new Partial(metrics.size(), numItems);
        partials.forEach(total::merge);
        Map<String, Double> values = new LinkedHashMap<>();
        for (int m = 0; m < metrics.size(); m++) {
            RankingMetric metric = metrics.get(m);
            double value = metric.perUser()
                    ? (users.length == 0 ? 0 : total.sums[m] / users.length)
                    : total.recommended[m].cardinality() / (double) Math.max(1, numItems);
            values.put(metric.name(), value);
        }
        return new EvaluationReport(values, users.length);
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

    /** Sums of per-user values and, for coverage, the set of recommended items, for some users. */
    private final class Partial {
        final double[] sums;
        final BitSet[] recommended;

        Partial(int numMetrics, int numItems) {
            sums = new double[numMetrics];
            recommended = new BitSet[numMetrics];
            for (int m = 0; m < numMetrics; m++) {
                recommended[m] = metrics.get(m).perUser() ? null : new BitSet(numItems);
            }
        }

        void add(ScoredItems ranked, CsrMatrix test, int user) {
            for (int m = 0; m < sums.length; m++) {
                RankingMetric metric = metrics.get(m);
                if (metric.perUser()) {
                    sums[m] += metric.userValue(ranked, item -> test.contains(user, item), test.rowLength(user));
                } else {
                    for (int r = 0; r < Math.min(metric.k(), ranked.size()); r++) {
                        recommended[m].set(ranked.item(r));
                    }
                }
            }
        }

        void merge(Partial other) {
            for (int m = 0; m < sums.length; m++) {
                sums[m] += other.sums[m];
                if (recommended[m] != null) {
                    recommended[m].or(other.recommended[m]);
                }
            }
        }
    }
}
