package io.recsyslite.internal.serving;

import io.recsyslite.core.data.Sequences;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.internal.eval.Evaluator;
import io.recsyslite.core.internal.eval.Split;
import io.recsyslite.core.internal.eval.Splitter;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses an algorithm for a dataset: fits each candidate with its default parameters on a
 * validation split carved from the data (each user's last event held out when timestamps order a
 * user's events, one random item per user when they do not) and picks the best by a metric
 * (NDCG@10 for {@code train auto}, the study's metric for {@code optimize}). The
 * popularity baseline is always tried first, so the choice is never below it on validation.
 * Candidates are tried in the order given until {@code budget} has passed; the budget is checked
 * before each fit, so one fit that runs long is not cut off (give the cheap ones first). Stateless
 * apart from the algorithms it was given.
 */
public final class AutoSelection {
    /** The pseudo-algorithm name that asks for an automatic choice. */
    public static final String AUTO = "auto";
    private static final Logger LOG = LoggerFactory.getLogger(AutoSelection.class);

    private final Algorithms algorithms;

    public AutoSelection(Algorithms algorithms) {
        this.algorithms = algorithms;
    }

    /** One candidate's outcome: its validation score, or NaN with a note when it was not measured. */
    public record Candidate(String algorithm, double score, double seconds, String note) {
    }

    /** The winner, every candidate, how validation was split, and why the winner won. */
    public record Choice(String algorithm, String metric, List<Candidate> candidates, String split, String reason) {
        /** The record kept in model.json. */
        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("method", "auto: default parameters, validation " + metric);
            map.put("split", split);
            Map<String, Object> scores = new LinkedHashMap<>();
            for (Candidate c : candidates) {
                scores.put(c.algorithm(), Double.isNaN(c.score()) ? c.note() : c.score());
            }
            map.put("candidates", scores);
            map.put("winner", algorithm);
            map.put("reason", reason);
            return map;
        }
    }

    public Choice choose(TrainingData data, List<String> candidates, String metric, Duration budget,
                         TrainingContext context) {
        if (candidates.isEmpty()) {
            throw new InvalidParameterException("auto needs at least one candidate algorithm");
        }
        List<String> order = new ArrayList<>();
        if (algorithms.names().contains(Trainer.BASELINE)) {
            order.add(Trainer.BASELINE);
        }
        candidates.stream().filter(c -> !order.contains(c)).forEach(order::add);
        boolean timeOrdered = timestampsOrderEvents(data.sequences());
        Splitter splitter = timeOrdered ? Splitter.leaveLastOut(1) : Splitter.randomOneOut(context.seed());
        String splitName = timeOrdered ? "each user's last event held out of the training data"
                : "one random item per user held out of the training data (timestamps do not order events)";
        Split validation = splitter.split(data);
        Evaluator evaluator = Evaluator.of(context.threads(), List.of(metric));
        long deadline = System.nanoTime() + budget.toNanos();
        List<Candidate> results = new ArrayList<>();
        for (String name : order) {
            if (System.nanoTime() > deadline) {
                results.add(new Candidate(name, Double.NaN, 0, "not tried: the " + budget + " budget was spent"));
                continue;
            }
            RecommenderProvider provider = algorithms.get(name);
            long start = System.nanoTime();
            try {
                double score = evaluator.evaluate(provider.fit(validation.train(), provider.paramSpace().defaults(),
                        context), validation).get(metric);
                results.add(new Candidate(name, score, (System.nanoTime() - start) / 1e9, ""));
                LOG.info("auto: {} scores {} {} on validation", name, metric, format(score));
            } catch (RuntimeException e) { // a candidate that cannot fit this data is not chosen
                results.add(new Candidate(name, Double.NaN, (System.nanoTime() - start) / 1e9, "failed: " + e.getMessage()));
                LOG.info("auto: {} failed on validation: {}", name, e.getMessage());
            }
        }
        List<Candidate> ranked = results.stream().filter(c -> !Double.isNaN(c.score()))
                .sorted(Comparator.comparingDouble(Candidate::score).reversed()).toList();
        if (ranked.isEmpty()) {
            throw new InvalidParameterException("auto: no candidate could be measured: " + results);
        }
        Candidate best = ranked.get(0);
        String reason = ranked.size() == 1 ? best.algorithm() + " was the only candidate measured"
                : String.format(Locale.ROOT, "%s has the highest validation %s, %.4f, against %.4f for the runner-up %s",
                        best.algorithm(), metric, best.score(), ranked.get(1).score(), ranked.get(1).algorithm());
        return new Choice(best.algorithm(), metric, List.copyOf(results), splitName, reason);
    }

    /** True unless every user's events share one timestamp (then the order of events means nothing). */
    static boolean timestampsOrderEvents(Sequences sequences) {
        for (int u = 0; u < sequences.numUsers(); u++) {
            for (int p = sequences.start(u) + 1; p < sequences.end(u); p++) {
                if (sequences.timestamp(p) != sequences.timestamp(p - 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
