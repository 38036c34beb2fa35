package io.recsyslite.benchmarks.robustness;

import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.Sequences;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.internal.eval.Evaluator;
import io.recsyslite.core.internal.eval.SequenceEvaluator;
import io.recsyslite.core.internal.eval.Split;
import io.recsyslite.core.internal.eval.Splitter;
import io.recsyslite.core.internal.eval.UserScores;
import io.recsyslite.core.spi.Recommender;
import java.util.List;

/**
 * One dataset of the robustness suite with its protocol. Top-N: the model ranks all items for each
 * user with a held-out item, excluding the user's training items (NDCG@10, HR@10). Sessions: every
 * session is a "user" whose last item is held out; the model is asked {@code recommendFor(the
 * session's earlier items)} with seen items allowed (Recall@20, MRR@20). Immutable.
 *
 * @param name        short name used in tables and file names
 * @param description what the data is and how it was split
 * @param train       the training part every algorithm is fitted on
 * @param test        top-N: held-out items, users x items; null for sessions
 * @param sessions    sessions: the full sequences (last item = target); null for top-N
 * @param protocol    top-N: the splitter that made the test part; null for sessions
 */
record SuiteDataset(String name, String description, TrainingData train, CsrMatrix test, Sequences sessions,
                    Splitter protocol) {
    static final List<String> TOP_N_METRICS = List.of("ndcg@10", "hr@10");
    static final List<String> SESSION_METRICS = List.of("recall@20", "mrr@20");

    /** {@code data} split by {@code protocol}. */
    static SuiteDataset topN(String name, String description, TrainingData data, Splitter protocol) {
        Split split = protocol.split(data);
        return new SuiteDataset(name, description, split.train(), split.test(), null, protocol);
    }

    /** Each user of {@code data} is one session; its last item is held out. */
    static SuiteDataset sessions(String name, String description, TrainingData data) {
        return new SuiteDataset(name, description, Splitter.leaveLastOut(1).split(data).train(), null,
                data.sequences(), null);
    }

    /** The same protocol applied to this dataset's training part: for tuning, never looking at the test part. */
    SuiteDataset validation() {
        String label = description + "; VALIDATION split carved from the training part";
        return sessionProtocol() ? sessions(name, label, train) : topN(name, label, train, protocol);
    }

    boolean sessionProtocol() {
        return sessions != null;
    }

    /** The metrics reported, the first one deciding the best algorithm. */
    List<String> metrics() {
        return sessionProtocol() ? SESSION_METRICS : TOP_N_METRICS;
    }

    UserScores evaluate(Recommender model, int threads) {
        return sessionProtocol()
                ? new SequenceEvaluator(threads, 20).perUser(model, sessions)
                : Evaluator.of(threads, metrics()).perUser(model, test);
    }
}
