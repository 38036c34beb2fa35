package io.recsyslite.benchmarks.tuning;

import io.recsyslite.core.internal.tuning.Direction;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.ParamSpec;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Noisy test functions with mixed parameter types, standing in for "train and evaluate a model"
 * until the real models and evaluation are merged. Both are minimized.
 */
public final class SyntheticProblems {
    private SyntheticProblems() {
    }

    /**
     * Branin (x1 in [-5, 10], x2 in [0, 15], minimum 0.397887) plus a log-scale "regularization"
     * term (best at 1e-3), an int "depth" on a log scale (best at 16) and a categorical "loss"
     * (best "warp"); Gaussian noise with sd 0.05. Minimum about 0.40.
     */
    public static TuningProblem noisyBranin() {
        ParamSpace space = ParamSpace.of(
                ParamSpec.floatRange("x1", 0.0, -5.0, 10.0),
                ParamSpec.floatRange("x2", 0.0, 0.0, 15.0),
                ParamSpec.floatLogRange("reg", 0.01, 1e-6, 1.0),
                ParamSpec.intLogRange("depth", 4, 1, 256),
                ParamSpec.categorical("loss", "bpr", "bpr", "warp", "logistic"));
        Map<String, Double> lossPenalty = Map.of("bpr", 1.0, "warp", 0.0, "logistic", 2.5);
        return new TuningProblem("noisy-branin-mixed", space, Direction.MINIMIZE, seed -> {
            SplittableRandom noise = new SplittableRandom(seed);
            return (p, reporter) -> {
                double x1 = p.getDouble("x1");
                double x2 = p.getDouble("x2");
                double a = x2 - 5.1 / (4 * Math.PI * Math.PI) * x1 * x1 + 5 / Math.PI * x1 - 6;
                double branin = a * a + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + 10;
                double reg = Math.log10(p.getDouble("reg")) + 3;
                double depth = Math.log(p.getInt("depth") / 16.0);
                return branin + reg * reg + 2 * depth * depth + lossPenalty.get(p.getString("loss"))
                        + 0.05 * noise.nextGaussian();
            };
        });
    }

    /**
     * A made-up validation ndcg@20 surface shaped like matrix factorisation's: smooth in the log of
     * factors, regularization and confidence scale, saturating in iterations, a weighting category,
     * a mild factors x regularization interaction; noise sd 0.002. Maximized; best about 0.36.
     */
    public static TuningProblem simulatedAlsNdcg() {
        ParamSpace space = ParamSpace.of(
                ParamSpec.intLogRange("factors", 64, 8, 512),
                ParamSpec.floatLogRange("regularization", 0.01, 1e-4, 10.0),
                ParamSpec.floatLogRange("alpha", 1.0, 0.1, 100.0),
                ParamSpec.intRange("iterations", 15, 2, 30),
                ParamSpec.categorical("weighting", "none", "none", "tfidf", "bm25"));
        Map<String, Double> weighting = Map.of("none", -0.02, "tfidf", 0.0, "bm25", 0.01);
        return new TuningProblem("simulated-als-ndcg@20", space, Direction.MAXIMIZE, seed -> {
            SplittableRandom noise = new SplittableRandom(seed);
            return (p, reporter) -> {
                double f = Math.log(p.getInt("factors") / 96.0) / Math.log(2);
                double r = Math.log10(p.getDouble("regularization") / 0.05);
                double a = Math.log10(p.getDouble("alpha") / 20);
                return 0.35 - 0.01 * f * f - 0.03 * r * r - 0.02 * a * a - 0.005 * f * r
                        - 0.05 * Math.exp(-p.getInt("iterations") / 4.0) + weighting.get(p.getString("weighting"))
                        + 0.002 * noise.nextGaussian();
            };
        });
    }

    private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] A = {
            {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] P = {
            {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
            {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

    /**
     * Hartmann-6 (minimum -3.32237) with four continuous coordinates, the fifth as an int
     * {@code k/20} (k in 0..20) and the sixth a category of six levels; Gaussian noise with sd 0.02.
     */
    public static TuningProblem noisyHartmann6() {
        ParamSpace space = ParamSpace.of(
                ParamSpec.floatRange("x1", 0.5, 0, 1), ParamSpec.floatRange("x2", 0.5, 0, 1),
                ParamSpec.floatRange("x3", 0.5, 0, 1), ParamSpec.floatRange("x4", 0.5, 0, 1),
                ParamSpec.intRange("k5", 10, 0, 20),
                ParamSpec.categorical("x6", "0.0", "0.0", "0.2", "0.4", "0.6", "0.8", "1.0"));
        return new TuningProblem("noisy-hartmann6-mixed", space, Direction.MINIMIZE, seed -> {
            SplittableRandom noise = new SplittableRandom(seed);
            return (p, reporter) -> {
                double[] x = {p.getDouble("x1"), p.getDouble("x2"), p.getDouble("x3"), p.getDouble("x4"),
                        p.getInt("k5") / 20.0, Double.parseDouble(p.getString("x6"))};
                double sum = 0;
                for (int i = 0; i < 4; i++) {
                    double inner = 0;
                    for (int j = 0; j < 6; j++) {
                        inner += A[i][j] * (x[j] - P[i][j]) * (x[j] - P[i][j]);
                    }
                    sum += ALPHA[i] * Math.exp(-inner);
                }
                return -sum + 0.02 * noise.nextGaussian();
            };
        });
    }
}
