package io.recsyslite.core.internal.eval;

import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import java.util.List;

/**
 * The protocol models are compared on: every event is an implicit positive; each user's last
 * interaction by timestamp (ties: the later in input order) is held out; the model is fitted on
 * the rest and ranks ALL items for each user with a held-out item, excluding that user's training
 * items; a held-out item never seen in training is simply a miss. Stateless.
 */
public final class BenchmarkProtocol {
    /** The metrics of the quality report. */
    public static final List<String> DEFAULT_METRICS =
            List.of("hr@10", "ndcg@10", "hr@20", "ndcg@20", "recall@20", "coverage@20");

    private BenchmarkProtocol() {
    }

    /** The protocol's split: leave the last event of every user out. */
    public static Split split(TrainingData data) {
        return Splitter.leaveLastOut(1).split(data);
    }

    /** Evaluates a model fitted on {@code split.train()} with the protocol's ranking rules. */
    public static EvaluationReport evaluate(Recommender model, Split split, int threads, List<String> metrics) {
        return Evaluator.of(threads, metrics).evaluate(model, split);
    }

    /** The whole protocol in one call: split, fit with {@code params}, evaluate the default metrics. */
    public static EvaluationReport run(RecommenderProvider provider, Params params, TrainingData data,
                                       TrainingContext context) {
        Split split = split(data);
        Recommender model = provider.fit(split.train(), params, context);
        return evaluate(model, split, context.threads(), DEFAULT_METRICS);
    }
}
