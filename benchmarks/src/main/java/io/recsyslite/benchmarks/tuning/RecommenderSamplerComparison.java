package io.recsyslite.benchmarks.tuning;

import io.recsyslite.benchmarks.report.MovieLensLoader;
import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.internal.eval.Evaluator;
import io.recsyslite.core.internal.eval.Split;
import io.recsyslite.core.internal.eval.Splitter;
import io.recsyslite.core.internal.tuning.Direction;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.ParamSpec;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.internal.sample.SampleShopConfig;
import io.recsyslite.internal.sample.SampleShopGenerator;
import io.recsyslite.internal.serving.Optimizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * {@link SamplerComparison} on real models: TPE against random search tuning an algorithm's
 * {@link RecommenderProvider#paramSpace()} for validation NDCG@20 on a dataset, with the optimize
 * command's protocol: the data is split leave-last-1-out into train/test; the validation split
 * ({@link Optimizer#VALIDATION}) is carved from the train part, and the test part is never looked
 * at. Pruning off, 2 threads for fitting and scoring.
 *
 * <p>Arguments: {@code algorithm dataset trials seeds [name=value ...]}, where dataset is
 * {@code ml100k} (reads {@code -Dml100k=/path/u.data}, default /work/shared/data/ml-100k/u.data)
 * or {@code shop:<events>} (the synthetic sample shop, binary confidence), and {@code name=value}
 * pins a parameter at a value instead of tuning it (e.g. {@code epochs=30} to bound BPR's fit time).
 * {@code -Dtpe.multivariate=true} races Optuna's multivariate TPE against random search instead.
 * <pre>
 * mvn -B -q -o -pl benchmarks -am install -DskipTests
 * mvn -B -q -o -pl benchmarks exec:java -Dexec.mainClass=io.recsyslite.benchmarks.tuning.RecommenderSamplerComparison \
 *     -Dexec.args="als ml100k 30 5" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
 * </pre>
 * Results and the exact commands used: {@code benchmarks/tuning/RESULTS.md}.
 */
public final class RecommenderSamplerComparison {
    static final String METRIC = "ndcg@20";
    private static final int THREADS = 2;
    /** The optimize command's validation split, or leave-last-1-out with {@code -Dvalidation=last1}. */
    private static final Splitter VALIDATION = "last1".equals(System.getProperty("validation"))
            ? Splitter.leaveLastOut(1) : Optimizer.VALIDATION;
    private static final Path ML100K = Path.of(System.getProperty("ml100k", "/work/shared/data/ml-100k/u.data"));

    private RecommenderSamplerComparison() {
    }

    /**
     * Tuning {@code provider} (with {@code pinned} parameters fixed) for validation NDCG@20 on
     * {@code data}; each run's seed is also the seed of every fit in it.
     */
    static TuningProblem problem(String name, RecommenderProvider provider, TrainingData data, Map<String, ?> pinned) {
        Split validation = Splitter.leaveLastOut(1).split(data).validation(VALIDATION);
        Evaluator evaluator = Evaluator.of(THREADS, List.of(METRIC));
        ParamSpace space = pin(provider.paramSpace(), pinned);
        return new TuningProblem(name, space, Direction.MAXIMIZE, seed -> (params, reporter) -> {
            TrainingContext context = new TrainingContext(THREADS, seed, null, null);
            return evaluator.evaluate(provider.fit(validation.train(), params, context), validation).get(METRIC);
        });
    }

    /** The space with the given parameters fixed at the given values (no longer tuned). */
    static ParamSpace pin(ParamSpace space, Map<String, ?> pinned) {
        Params values = space.resolve(pinned);
        return new ParamSpace(space.specs().stream()
                .map(s -> pinned.containsKey(s.name())
                        ? new ParamSpec(s.name(), s.kind(), values.asMap().get(s.name()), s.low(), s.high(), s.log(),
                                s.choices(), false)
                        : s)
                .toList());
    }

    static TrainingData dataset(String spec) throws IOException {
        if (spec.equals("ml100k")) {
            return MovieLensLoader.load(ML100K);
        }
        if (spec.startsWith("shop:")) {
            long events = Long.parseLong(spec.substring("shop:".length()));
            return new SampleShopGenerator(SampleShopConfig.ofEvents(events)).trainingData(ConfidenceWeighting.binary());
        }
        throw new IllegalArgumentException("dataset must be ml100k or shop:<events>, was " + spec);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            throw new IllegalArgumentException("arguments: algorithm dataset trials seeds [name=value ...]");
        }
        RecommenderProvider provider = Algorithms.discover().get(args[0]);
        int trials = Integer.parseInt(args[2]);
        long[] seeds = LongStream.rangeClosed(1, Long.parseLong(args[3])).toArray();
        Map<String, String> pinned = new HashMap<>();
        for (int i = 4; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            pinned.put(kv[0], kv[1]);
        }
        TrainingData data = dataset(args[1]);
        String name = String.format(Locale.ROOT, "%s-%s-%s%s", args[0], args[1], METRIC,
                pinned.isEmpty() ? "" : " " + pinned);
        TuningProblem problem = problem(name, provider, data, pinned);
        long start = System.nanoTime();
        SamplerComparison.print(System.out, SamplerComparison.compare(problem, trials, seeds));
        System.out.printf(Locale.ROOT, "(%d users x %d items, %d training events; %.0f s)%n", data.numUsers(),
                data.numItems(), data.interactions().userItems().nnz(), (System.nanoTime() - start) / 1e9);
    }
}
