package io.recsyslite.benchmarks.tuning;

import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.internal.eval.Evaluator;
import io.recsyslite.core.internal.eval.Split;
import io.recsyslite.core.internal.eval.Splitter;
import io.recsyslite.core.internal.tuning.Direction;
import io.recsyslite.core.internal.tuning.RandomSampler;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * How noisy is the tuning objective? Fits a few parameter sets (the defaults plus random draws)
 * with several fit seeds and scores validation NDCG@20 under different validation splits carved
 * from the leave-last-1-out train part: the spread over fit seeds (noise) against the spread of
 * the parameter sets' means (signal). For "random 20% (split seed = fit seed)" the split changes
 * with the seed too, so its spread includes the choice of the held-out items.
 *
 * <p>Arguments: {@code algorithm dataset configs seeds [name=value ...]} as in
 * {@link RecommenderSamplerComparison}. Results: {@code benchmarks/tuning/RESULTS.md}.
 */
public final class ObjectiveNoise {
    private ObjectiveNoise() {
    }

    public static void main(String[] args) throws IOException {
        RecommenderProvider provider = Algorithms.discover().get(args[0]);
        TrainingData data = RecommenderSamplerComparison.dataset(args[1]);
        int configs = Integer.parseInt(args[2]);
        int seeds = Integer.parseInt(args[3]);
        Map<String, String> pinned = new HashMap<>();
        for (int i = 4; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            pinned.put(kv[0], kv[1]);
        }
        ParamSpace space = RecommenderSamplerComparison.pin(provider.paramSpace(), pinned);
        List<Map<String, Object>> params = new ArrayList<>();
        params.add(Map.of());
        RandomSampler sampler = new RandomSampler(12345);
        for (int c = 1; c < configs; c++) {
            params.add(sampler.sample(space, List.of(), Direction.MAXIMIZE, c));
        }
        TrainingData train = Splitter.leaveLastOut(1).split(data).train();
        Map<String, LongFunction<Split>> protocols = new LinkedHashMap<>();
        protocols.put("leave-last-1", s -> Splitter.leaveLastOut(1).split(train));
        protocols.put("leave-last-5", s -> Splitter.leaveLastOut(5).split(train));
        protocols.put("last 20%", s -> Splitter.leaveLastFraction(0.2).split(train));
        protocols.put("random 20% (split seed 7)", s -> Splitter.randomHoldout(0.2, 7).split(train));
        protocols.put("random 20% (split seed = fit seed)", s -> Splitter.randomHoldout(0.2, s).split(train));
        Evaluator evaluator = Evaluator.of(2, List.of(RecommenderSamplerComparison.METRIC));
        for (var protocol : protocols.entrySet()) {
            long start = System.nanoTime();
            double[] means = new double[params.size()];
            double noise = 0;
            StringBuilder rows = new StringBuilder();
            for (int c = 0; c < params.size(); c++) {
                double[] v = new double[seeds];
                for (int s = 1; s <= seeds; s++) {
                    Split split = protocol.getValue().apply(s);
                    v[s - 1] = evaluator.evaluate(provider.fit(split.train(), space.resolve(params.get(c)),
                            new TrainingContext(2, s, null, null)), split).get(RecommenderSamplerComparison.METRIC);
                }
                means[c] = mean(v);
                noise += sd(v) / params.size();
                rows.append(String.format(Locale.ROOT, "  %.5f +- %.5f  %s%n", means[c], sd(v), params.get(c)));
            }
            System.out.printf(Locale.ROOT, "%s %s, %s: fit-seed sd (mean over configs) %.5f, sd of config means %.5f,"
                    + " ratio %.1f (%.0f s)%n%s", args[0], args[1], protocol.getKey(), noise, sd(means),
                    sd(means) / noise, (System.nanoTime() - start) / 1e9, rows);
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
