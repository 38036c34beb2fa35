package io.recsyslite.core.internal.eval;

import io.recsyslite.core.error.UnknownNameException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The result of an evaluation: metric name to value, in the order asked for, and the number of
 * users averaged over. Immutable.
 *
 * @param values         metric name (e.g. "ndcg@20") to value
 * @param usersEvaluated users with at least one held-out item (or, for next-item evaluation, with
 *                       a sequence of two or more events)
 */
public record EvaluationReport(Map<String, Double> values, int usersEvaluated) {
    public EvaluationReport {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of a metric in this report; an absent one fails listing those present. */
    public double get(String metric) {
        Double v = values.get(RankingMetric.parse(metric).name());
        if (v == null) {
            throw new UnknownNameException("metric in this report", metric, values.keySet());
        }
        return v;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("EvaluationReport[users=").append(usersEvaluated);
        values.forEach((name, value) -> s.append(", ").append(name).append('=')
                .append(String.format(Locale.ROOT, "%.4f", value)));
        return s.append(']').toString();
    }
}
