package io.recsyslite.core.internal.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each evaluated user's value of every per-user metric (index i of every array belongs to
 * {@code users[i]}), plus the catalogue-level metrics such as coverage, which have no per-user
 * value. The raw material of confidence intervals and paired tests over users. Immutable by
 * contract: the arrays are not copied, and nobody writes them after evaluation.
 *
 * @param users    the evaluated users, ascending
 * @param perUser  per-user metric name to one value per user
 * @param overall  catalogue-level metric name to value
 * @param order    every metric name in the order asked for
 */
public record UserScores(int[] users, Map<String, double[]> perUser, Map<String, Double> overall, List<String> order) {
    public UserScores {
        perUser = Collections.unmodifiableMap(new LinkedHashMap<>(perUser));
        overall = Collections.unmodifiableMap(new LinkedHashMap<>(overall));
        order = List.copyOf(order);
    }

    /** One user value per evaluated user of a per-user metric such as "ndcg@10". */
    public double[] values(String metric) {
        double[] v = perUser.get(RankingMetric.parse(metric).name());
        if (v == null) {
            throw new IllegalArgumentException("no per-user metric '" + metric + "' here; there are " + perUser.keySet());
        }
        return v;
    }

    /** The means over users (and the catalogue-level values), in the order asked for. */
    public EvaluationReport report() {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String name : order) {
            values.put(name, perUser.containsKey(name) ? mean(perUser.get(name)) : overall.get(name));
        }
        return new EvaluationReport(values, users.length);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }
}
