package io.recsyslite.core.internal.tuning;

import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.ParamSpec;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.ProgressListener;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tunes one algorithm's hyperparameters on a validation split carved from the training data:
 * every trial fits the provider on the validation split's training part and scores it with the
 * validation metric (after each epoch too, so the pruner can stop it early). Then the best
 * parameters are refitted on all the training data, scored once on the test split (if a test
 * metric is given), written out and handed to the sink. The evaluation itself is plugged in; see
 * the package documentation. Not thread-safe; one {@link #tune} per tuner.
 */
public final class RecommenderTuner {
    private static final Logger LOG = LoggerFactory.getLogger(RecommenderTuner.class);

    /** Scores a trained model on held-out interactions; larger is better (hr@k, ndcg@k, recall@k, map@k). */
    @FunctionalInterface
    public interface ValidationMetric {
        double score(Recommender model);
    }

    /** A validation split of the training data: trials fit on {@code train} and are scored by {@code metric}. */
    public record Holdout(TrainingData train, ValidationMetric metric) {
        public Holdout {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(metric, "metric");
        }
    }

    /** Receives the best model refitted on all training data, e.g. to save it as an artifact. */
    @FunctionalInterface
    public interface BestModelSink {
        /** @param metrics the best validation value and, when measured, the test value, by name */
        void accept(Recommender model, Trial best, Map<String, Double> metrics) throws IOException;
    }

    /**
     * @param study     every trial
     * @param best      the best trial
     * @param model     the best parameters fitted on all training data
     * @param testScore the metric of {@code model} on the test split, when a test metric was given
     */
    public record Result(StudyResult study, Trial best, Recommender model, OptionalDouble testScore) {
    }

    private final RecommenderProvider provider;
    private final ParamSpace space;
    private final String metric;
    private final Function<TrainingData, Holdout> splitter;
    private final ValidationMetric testMetric;
    private final Study study;
    private final int threads;
    private final long seed;
    private final int reportEvery;
    private final Path outputDir;
    private final BestModelSink sink;

    private RecommenderTuner(Builder b) {
        this.provider = b.provider;
        this.space = pin(b.provider.paramSpace(), b.fixedParams);
        this.metric = b.metric;
        this.splitter = Objects.requireNonNull(b.splitter, "a splitter (validation split + metric) is required");
        this.testMetric = b.testMetric;
        this.study = Study.builder(b.studyName != null ? b.studyName : b.provider.name() + "-" + b.metric,
                        space)
                .direction(Direction.MAXIMIZE)
                .sampler(b.sampler != null ? b.sampler : new TpeSampler(b.seed))
                .pruner(b.pruner)
                .storage(b.storage)
                .trials(b.trials)
                .resume(b.resume)
                .progress(b.progress)
                .build();
        this.threads = b.threads;
        this.seed = b.seed;
        this.reportEvery = b.reportEvery;
        this.outputDir = b.outputDir;
        this.sink = b.sink;
    }

    /**
     * @param provider the algorithm to tune (its {@link RecommenderProvider#paramSpace()} is searched)
     * @param metric   the validation metric's name, e.g. "ndcg@20" (a label for outputs and the study name)
     */
    public static Builder builder(RecommenderProvider provider, String metric) {
        return new Builder(provider, metric);
    }

    /**
     * Tunes on {@code training} (which must not contain the test interactions).
     *
     * @throws io.recsyslite.core.error.RecsysException when no trial completed
     */
    public Result tune(TrainingData training) throws IOException {
        Holdout holdout = splitter.apply(training);
        StudyResult result = study.optimize((params, reporter) -> fitAndScore(holdout, params, reporter));
        Trial best = result.requireBest();
        LOG.info("{}: best {}={} at trial {} with {}; refitting on all training data", provider.name(), metric,
                best.value(), best.number(), best.params());
        Recommender model = provider.fit(training, space.resolve(best.params()), new TrainingContext(threads, seed, null, null));
        OptionalDouble test = testMetric == null ? OptionalDouble.empty() : OptionalDouble.of(testMetric.score(model));
        test.ifPresent(v -> LOG.info("{}: test {}={}", provider.name(), metric, v));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("validation_" + metric, best.value());
        test.ifPresent(v -> metrics.put("test_" + metric, v));
        if (outputDir != null) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("algorithm", provider.name());
            test.ifPresent(v -> extra.put("test_value", v));
            result.writeBestParams(outputDir.resolve("best_params.json"), metric, extra);
            result.writeTrialsCsv(outputDir.resolve("trials.csv"));
        }
        if (sink != null) {
            sink.accept(model, best, metrics);
        }
        return new Result(result, best, model, test);
    }

    /** The space with the given parameters fixed at the given values (validated by the space). */
    private static ParamSpace pin(ParamSpace space, Map<String, ?> fixed) {
        Map<String, Object> values = space.resolve(fixed).asMap();
        return new ParamSpace(space.specs().stream()
                .map(s -> fixed.containsKey(s.name())
                        ? new ParamSpec(s.name(), s.kind(), values.get(s.name()), s.low(), s.high(), s.log(), s.choices(), false)
                        : s)
                .toList());
    }

    private double fitAndScore(Holdout holdout, Params params, TrialReporter reporter) {
        TrainingContext context = new TrainingContext(threads, seed, null, (epoch, snapshot) -> {
            if (epoch % reportEvery == 0) {
                reporter.report(epoch, holdout.metric().score(snapshot.get()));
            }
        });
        return holdout.metric().score(provider.fit(holdout.train(), params, context));
    }

    /** Settings of a {@link RecommenderTuner}. Not thread-safe. */
    public static final class Builder {
        private final RecommenderProvider provider;
        private final String metric;
        private Function<TrainingData, Holdout> splitter;
        private ValidationMetric testMetric;
        private int threads = Runtime.getRuntime().availableProcessors();
        private long seed = 42;
        private int reportEvery = 1;
        private Path outputDir;
        private BestModelSink sink;
        private String studyName;
        private int trials = 20;
        private Sampler sampler;
        private Pruner pruner = new MedianPruner();
        private TrialStorage storage = new InMemoryTrialStorage();
        private boolean resume;
        private ProgressListener progress = ProgressListener.NONE;
        private Map<String, ?> fixedParams = Map.of();

        private Builder(RecommenderProvider provider, String metric) {
            this.provider = Objects.requireNonNull(provider, "provider");
            this.metric = Objects.requireNonNull(metric, "metric");
        }

        /** Carves the validation split out of the training data and says how to score on it (required). */
        public Builder splitter(Function<TrainingData, Holdout> s) {
            this.splitter = s;
            return this;
        }

        /** Scores the final model on the test split, once. */
        public Builder testMetric(ValidationMetric m) {
            this.testMetric = m;
            return this;
        }

        /** Study name in the trial storage (default "{algorithm}-{metric}"). */
        public Builder studyName(String name) {
            this.studyName = name;
            return this;
        }

        public Builder trials(int n) {
            this.trials = n;
            return this;
        }

        /** Seed of every fit, and of the default TPE sampler. */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Training threads of every fit. */
        public Builder threads(int n) {
            this.threads = n;
            return this;
        }

        public Builder sampler(Sampler s) {
            this.sampler = s;
            return this;
        }

        public Builder pruner(Pruner p) {
            this.pruner = p;
            return this;
        }

        /** Evaluate (and ask the pruner) every {@code n} epochs; evaluation is not free. */
        public Builder reportEvery(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("reportEvery must be >= 1, was " + n);
            }
            this.reportEvery = n;
            return this;
        }

        /** Where trials are kept (default in memory); the caller closes it. */
        public Builder storage(TrialStorage s) {
            this.storage = s;
            return this;
        }

        public Builder resume(boolean r) {
            this.resume = r;
            return this;
        }

        public Builder progress(ProgressListener p) {
            this.progress = p;
            return this;
        }

        /** Parameters kept at these values instead of tuned (e.g. given on the command line). */
        public Builder fixedParams(Map<String, ?> values) {
            this.fixedParams = Map.copyOf(values);
            return this;
        }

        /** Where best_params.json and trials.csv go (nothing is written without it). */
        public Builder outputDir(Path dir) {
            this.outputDir = dir;
            return this;
        }

        public Builder bestModelSink(BestModelSink s) {
            this.sink = s;
            return this;
        }

        public RecommenderTuner build() {
            return new RecommenderTuner(this);
        }
    }
}
