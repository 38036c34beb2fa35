package io.recsyslite.core.internal.eval;

import io.recsyslite.core.data.Sequences;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.spi.Recommender;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Next-item prediction: for every user with two or more events, the model is asked
 * {@code recommendFor(all earlier items, top(k))} with seen items allowed, and judged on whether
 * the user's last item is in the top k (Recall@k, which equals HR@k with one target) and at which
 * rank (MRR@k). Fit the model on {@code Splitter.leaveLastOut(1)}'s training part and pass the full
 * sequences here. Users are spread over an own pool of {@code threads}. Immutable and thread-safe.
 */
public final class SequenceEvaluator {
    private final int threads;
    private final RankingMetric recall;
    private final RankingMetric mrr;

    public SequenceEvaluator(int threads, int k) {
        if (threads < 1) {
            throw new InvalidParameterException("threads must be >= 1, was " + threads);
        }
        if (k < 1) {
            throw new InvalidParameterException("k must be >= 1, was " + k);
        }
        this.threads = threads;
        this.recall = new RankingMetric(RankingMetric.Kind.RECALL, k);
        this.mrr = new RankingMetric(RankingMetric.Kind.MRR, k);
    }

    /** Recall@k and MRR@k of predicting each user's last item from the ones before it. */
    public EvaluationReport evaluate(Recommender model, Sequences sequences) {
        return perUser(model, sequences).report();
    }

    /** As {@link #evaluate}, keeping each user's Recall@k and MRR@k. */
    public UserScores perUser(Recommender model, Sequences sequences) {
        RecommendRequest request = RecommendRequest.top(recall.k()).includingSeen();
        int[] users = IntStream.range(0, sequences.numUsers())
                .filter(u -> sequences.length(u) >= 2).toArray();
        double[] recalls = new double[users.length];
        double[] ranks = new double[users.length];
        UserChunks.map(threads, users, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                int[] items = sequences.items(chunk[i]);
                int target = items[items.length - 1];
                ScoredItems ranked = model.recommendFor(Arrays.copyOf(items, items.length - 1), request);
                recalls[i] = recall.userValue(ranked, item -> item == target, 1);
                ranks[i] = mrr.userValue(ranked, item -> item == target, 1);
            }
            return null;
        });
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put(recall.name(), recalls);
        values.put(mrr.name(), ranks);
        return new UserScores(users, values, Map.of(), List.copyOf(values.keySet()));
    }
}
