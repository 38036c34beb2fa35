package io.recsyslite.core.serving;

import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.core.artifact.ModelManifest;
import io.recsyslite.core.artifact.Provenance;
import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.error.InvalidDataException;
import io.recsyslite.core.eval.BenchmarkProtocol;
import io.recsyslite.core.eval.EvaluationReport;
import io.recsyslite.core.eval.Evaluator;
import io.recsyslite.core.eval.Split;
import io.recsyslite.core.eval.Splitter;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.core.store.RecsysStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a model from the store and saves it: optionally holds out a random {@code testSize}
 * of each user's items to measure the model, then fits on all data for the saved model, whose
 * model.json records params, metrics, data fingerprint and seed. Stateless.
 */
public final class Trainer {
    /** How events become confidences unless told otherwise: each event counts its quantity. */
    public static final ConfidenceWeighting DEFAULT_WEIGHTING = ConfidenceWeighting.byQuantity();
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final Algorithms algorithms;

    public Trainer(Algorithms algorithms) {
        this.algorithms = algorithms;
    }

    /**
     * @param evaluation    the held-out metrics, when {@code testSize > 0}
     * @param fitSeconds    seconds of the final fit
     * @param users         users in the training data
     * @param items         items in the training data
     */
    public record Result(ModelManifest manifest, Optional<EvaluationReport> evaluation, double fitSeconds, int users,
                         int items) {
    }

    /** Training data read from the store in one go, with when it was read and its fingerprint. */
    private record Snapshot(TrainingData data, Instant readAt, String fingerprint) {
        static Snapshot read(RecsysStore store, ConfidenceWeighting weighting, TrainingContext context) {
            Instant readAt = store.now();
            TrainingData data = load(store, weighting, context);
            return new Snapshot(data, readAt, store.dataFingerprint()); // now, not after a long fit that ingests may overlap
        }
    }

    /** Trains with {@code store} open throughout (the caller's process keeps the file meanwhile). */
    public Result train(RecsysStore store, String algorithm, Map<String, ?> params, double testSize,
                        ConfidenceWeighting weighting, Path output, TrainingContext context) throws IOException {
        Params resolved = algorithms.get(algorithm).paramSpace().resolve(params);
        Result result = fitAndSave(Snapshot.read(store, weighting, context), algorithm, resolved, testSize, weighting,
                output, context);
        audit(store, algorithm, output, result, resolved);
        return result;
    }

    /**
     * Trains from the store file {@code db}, holding it only to read the training data and to
     * audit: a serving process sharing the store records events and answers meanwhile.
     */
    public Result train(Path db, String algorithm, Map<String, ?> params, double testSize,
                        ConfidenceWeighting weighting, Path output, TrainingContext context) throws IOException {
        Params resolved = algorithms.get(algorithm).paramSpace().resolve(params);
        Snapshot snapshot;
        try (RecsysStore store = RecsysStore.open(db)) {
            snapshot = Snapshot.read(store, weighting, context);
        }
        Result result = fitAndSave(snapshot, algorithm, resolved, testSize, weighting, output, context);
        try (RecsysStore store = RecsysStore.open(db)) {
            audit(store, algorithm, output, result, resolved);
        }
        return result;
    }

    private static void audit(RecsysStore store, String algorithm, Path output, Result result, Params params) {
        store.audit("trainer", "train", algorithm, "output=" + output + " users=" + result.users()
                + " items=" + result.items() + " params=" + params);
    }

    private Result fitAndSave(Snapshot snapshot, String algorithm, Params resolved, double testSize,
                              ConfidenceWeighting weighting, Path output, TrainingContext context) throws IOException {
        RecommenderProvider provider = algorithms.get(algorithm);
        TrainingData data = snapshot.data();
        Optional<EvaluationReport> evaluation = Optional.empty();
        if (testSize > 0) {
            evaluation = Optional.of(evaluate(provider, resolved, data, Splitter.randomHoldout(testSize, context.seed()), context));
            LOG.info("{} on a {} holdout: {}", algorithm, testSize, evaluation.get());
        }
        long start = System.nanoTime();
        Recommender model = provider.fit(data, resolved, context);
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        Provenance provenance = new Provenance(evaluation.map(EvaluationReport::values).orElse(Map.of()),
                snapshot.fingerprint(), context.seed(), snapshot.readAt().toString(), Optional.of(weighting));
        ModelManifest manifest = ModelArtifacts.save(model, output, provenance);
        return new Result(manifest, evaluation, fitSeconds, data.numUsers(), data.numItems());
    }

    /**
     * Fits {@code algorithm} on the training part of a split of the store's data and measures
     * {@code metrics} (e.g. "ndcg@10") on its test part. Names are checked before data is loaded.
     */
    public EvaluationReport evaluate(RecsysStore store, String algorithm, Map<String, ?> params, Splitter splitter,
                                     List<String> metrics, ConfidenceWeighting weighting, TrainingContext context) {
        Evaluator evaluator = Evaluator.of(context.threads(), metrics);
        RecommenderProvider provider = algorithms.get(algorithm);
        Params resolved = provider.paramSpace().resolve(params);
        return evaluate(provider, resolved, load(store, weighting, context), splitter, evaluator, context);
    }

    /** Fits on the training part of a split and measures the report metrics on its test part. */
    public EvaluationReport evaluate(RecommenderProvider provider, Params params, TrainingData data, Splitter splitter,
                                     TrainingContext context) {
        return evaluate(provider, params, data, splitter,
                Evaluator.of(context.threads(), BenchmarkProtocol.DEFAULT_METRICS), context);
    }

    private static EvaluationReport evaluate(RecommenderProvider provider, Params params, TrainingData data,
                                             Splitter splitter, Evaluator evaluator, TrainingContext context) {
        Split split = splitter.split(data);
        Recommender model = provider.fit(split.train(), params, context);
        return evaluator.evaluate(model, split);
    }

    /** The store's training data; an empty store is an error that says what to do. */
    static TrainingData load(RecsysStore store, ConfidenceWeighting weighting, TrainingContext context) {
        TrainingData data = store.loadTrainingData(weighting, context.progress());
        if (data.interactions().nnz() == 0) {
            throw new InvalidDataException("The store at " + store.path()
                    + " holds no events; ingest some first (recsys-lite ingest --events ...)");
        }
        return data;
    }
}
