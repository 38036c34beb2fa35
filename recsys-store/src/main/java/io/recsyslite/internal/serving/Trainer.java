package io.recsyslite.internal.serving;

import io.recsyslite.TrainRequest;
import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.core.artifact.ModelManifest;
import io.recsyslite.core.artifact.Provenance;
import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.error.InvalidDataException;
import io.recsyslite.core.internal.eval.BenchmarkProtocol;
import io.recsyslite.core.internal.eval.EvaluationReport;
import io.recsyslite.core.internal.eval.Evaluator;
import io.recsyslite.core.internal.eval.Split;
import io.recsyslite.core.internal.eval.Splitter;
import io.recsyslite.core.internal.eval.UserScores;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.internal.store.RecsysStore;
import io.recsyslite.internal.store.StoreAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a model from the store and saves it: optionally holds out a random {@code testSize}
 * of each user's items to measure the model beside the popularity baseline on the same split (and
 * warns when the model ranks below it), then fits on all data for the saved model, whose model.json
 * records params, metrics (the baseline's prefixed {@value #BASELINE_PREFIX}), data fingerprint and
 * seed. Stateless.
 */
public final class Trainer {
    /** How events become confidences unless told otherwise: each event counts its quantity. */
    public static final ConfidenceWeighting DEFAULT_WEIGHTING = ConfidenceWeighting.byQuantity();
    /** The algorithm every model is measured against. */
    public static final String BASELINE = "popularity";
    /** Prefix of the baseline's metrics in model.json. */
    public static final String BASELINE_PREFIX = "popularity_";
    /** The metric that decides whether a model is below the baseline. */
    public static final String DECIDING_METRIC = "ndcg@10";
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final Algorithms algorithms;

    public Trainer(Algorithms algorithms) {
        this.algorithms = algorithms;
    }

    /**
     * @param evaluation    the held-out metrics, when {@code testSize > 0}
     * @param baseline      the popularity baseline's metrics on the same split, when measured
     * @param fitSeconds    seconds of the final fit
     * @param users         users in the training data
     * @param items         items in the training data
     */
    public record Result(ModelManifest manifest, Optional<EvaluationReport> evaluation,
                         Optional<EvaluationReport> baseline, double fitSeconds, int users, int items) {
        /** True when the held-out measurement found the model below popularity by {@link #DECIDING_METRIC}. */
        public boolean belowBaseline() {
            return evaluation.isPresent() && baseline.isPresent()
                    && evaluation.get().get(DECIDING_METRIC) < baseline.get().get(DECIDING_METRIC);
        }
    }

    /** Training data read from the store in one go, with when it was read and its fingerprint. */
    record Snapshot(TrainingData data, Instant readAt, String fingerprint) {
        static Snapshot read(RecsysStore store, ConfidenceWeighting weighting, TrainingContext context) {
            Instant readAt = store.now();
            TrainingData data = load(store, weighting, context);
            return new Snapshot(data, readAt, store.dataFingerprint()); // now, not after a long fit that ingests may overlap
        }
    }

    /** Trains as {@code request} says with {@code store} open throughout (the caller's process keeps the file meanwhile). */
    public Result train(RecsysStore store, TrainRequest request) throws IOException {
        return train(StoreAccess.over(store), request);
    }

    /**
     * Trains as {@code request} says from the store file {@code db}, holding it only to read the
     * training data and to audit: a serving process sharing the store records events and answers
     * meanwhile. For an {@linkplain TrainRequest#auto auto} request, {@link AutoSelection} first
     * chooses among the candidates (default parameters) on a validation split of the data; model.json's
     * {@code selection} records every candidate's validation score and the reason.
     */
    public Result train(Path db, TrainRequest request) throws IOException {
        return train(StoreAccess.of(db), request);
    }

    /** As {@link #train(Path, TrainRequest)}, reaching the store through {@code store}. */
    public Result train(StoreAccess store, TrainRequest request) throws IOException {
        checkNames(request);
        Trained trained = fitAndSave(store.withStore(s -> Snapshot.read(s, request.weighting(), request.context())),
                request);
        store.withStore(s -> {
            afterSave(s, trained.algorithm(), request.output(), trained.result(), trained.params());
            return null;
        });
        return trained.result();
    }

    /** Unknown names fail before data is loaded. */
    private void checkNames(TrainRequest request) {
        if (request.isAuto()) {
            request.candidates().forEach(algorithms::get);
        } else {
            algorithms.get(request.algorithm());
        }
    }

    /** What was trained, with the parameters it was trained with. */
    private record Trained(String algorithm, Params params, Result result) {
    }


    /**
     * Audits the training and scrubs the saved model of the users deleted while it trained (and
     * applies the queued erasures), so that no model holding an erased user waits on disk.
     */
    private static void afterSave(RecsysStore store, String algorithm, Path output, Result result, Params params)
            throws IOException {
        store.audit("trainer", "train", algorithm, "output=" + output + " users=" + result.users()
                + " items=" + result.items() + " params=" + params);
        Gdpr.scrubDeletedUsers(store, output);
        Gdpr.applyPendingErasures(store);
    }

    private Trained fitAndSave(Snapshot snapshot, TrainRequest request) throws IOException {
        TrainingContext context = request.context();
        RecommenderProvider provider;
        Params resolved;
        Map<String, Object> selection = Map.of();
        if (request.isAuto()) {
            AutoSelection.Choice choice = new AutoSelection(algorithms).choose(snapshot.data(), request.candidates(),
                    DECIDING_METRIC, request.budget(), context);
            LOG.info("auto: {}", choice.reason());
            provider = algorithms.get(choice.algorithm());
            resolved = provider.paramSpace().defaults();
            selection = choice.asMap();
        } else {
            provider = algorithms.get(request.algorithm());
            resolved = provider.paramSpace().resolve(request.params());
        }
        double testSize = request.testSize();
        String algorithm = provider.name();
        TrainingData data = snapshot.data();
        Optional<EvaluationReport> evaluation = Optional.empty();
        Optional<EvaluationReport> baseline = Optional.empty();
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (testSize > 0) {
            Split split = Splitter.randomHoldout(testSize, context.seed()).split(data);
            Evaluator evaluator = Evaluator.of(context.threads(), BenchmarkProtocol.DEFAULT_METRICS);
            evaluation = Optional.of(evaluator.evaluate(provider.fit(split.train(), resolved, context), split));
            LOG.debug("{} on a {} holdout: {}", algorithm, testSize, evaluation.get());
            metrics.putAll(evaluation.get().values());
            if (!algorithm.equals(BASELINE) && algorithms.names().contains(BASELINE)) {
                RecommenderProvider popularity = algorithms.get(BASELINE);
                baseline = Optional.of(evaluator.evaluate(popularity.fit(split.train(),
                        popularity.paramSpace().defaults(), context), split));
                baseline.get().values().forEach((name, value) -> metrics.put(BASELINE_PREFIX + name, value));
            }
        }
        long start = System.nanoTime();
        Recommender model = provider.fit(data, resolved, context);
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        Provenance provenance = new Provenance(metrics, snapshot.fingerprint(), context.seed(),
                snapshot.readAt().toString(), Optional.of(request.weighting()), selection);
        ModelManifest manifest = ModelArtifacts.save(model, request.output(), provenance);
        Result result = new Result(manifest, evaluation, baseline, fitSeconds, data.numUsers(), data.numItems());
        if (result.belowBaseline()) {
            LOG.warn("{} ranks below the popularity baseline on the held-out split ({} {} vs {}): this data does "
                    + "not suit it; compare algorithms with evaluate a,b,c or let train auto choose", algorithm,
                    DECIDING_METRIC, String.format(Locale.ROOT, "%.4f", evaluation.get().get(DECIDING_METRIC)),
                    String.format(Locale.ROOT, "%.4f", baseline.get().get(DECIDING_METRIC)));
        }
        return new Trained(algorithm, resolved, result);
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

    /**
     * Fits each of {@code names} on the training part of one split of the store's data and keeps
     * every test user's value of {@code metrics}, in the order given: the raw material of a
     * comparison with confidence intervals. {@code params} holds overrides per algorithm name.
     * Names are checked before data is loaded.
     */
    public Map<String, UserScores> compare(RecsysStore store, List<String> names, Map<String, Map<String, String>> params,
                                           Splitter splitter, List<String> metrics, ConfidenceWeighting weighting,
                                           TrainingContext context) {
        Evaluator evaluator = Evaluator.of(context.threads(), metrics);
        Map<String, Params> resolved = new LinkedHashMap<>();
        for (String name : names) {
            resolved.put(name, algorithms.get(name).paramSpace().resolve(params.getOrDefault(name, Map.of())));
        }
        Split split = splitter.split(load(store, weighting, context));
        Map<String, UserScores> scores = new LinkedHashMap<>();
        resolved.forEach((name, p) -> scores.put(name,
                evaluator.perUser(algorithms.get(name).fit(split.train(), p, context), split.test())));
        return scores;
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
