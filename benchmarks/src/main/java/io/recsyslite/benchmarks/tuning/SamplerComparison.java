package io.recsyslite.benchmarks.tuning;

import io.recsyslite.core.internal.eval.UserStatistics;
import io.recsyslite.core.internal.tuning.Direction;
import io.recsyslite.core.internal.tuning.Pruner;
import io.recsyslite.core.internal.tuning.RandomSampler;
import io.recsyslite.core.internal.tuning.Sampler;
import io.recsyslite.core.internal.tuning.Study;
import io.recsyslite.core.internal.tuning.StudyResult;
import io.recsyslite.core.internal.tuning.TpeSampler;
import io.recsyslite.core.internal.tuning.Trial;
import io.recsyslite.core.internal.tuning.TrialState;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * TPE against random search with the same budget on any {@link TuningProblem}: for each seed, the
 * best value each reaches and how many trials TPE needs to reach random search's final best.
 * Pruning is off so both samplers spend the full budget.
 *
 * <p>Run (arguments: trials per study, number of seeds 1..n; {@code -Dtpe.multivariate=true} races
 * Optuna's multivariate TPE instead of the default univariate one):
 * <pre>
 * mvn -B -q -o -pl benchmarks -am install -DskipTests
 * mvn -B -q -o -pl benchmarks exec:java -Dexec.mainClass=io.recsyslite.benchmarks.tuning.SamplerComparison \
 *     -Dexec.args="30 5" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn
 * </pre>
 *
 * <p>Real models (ALS, BPR on MovieLens and the sample shop): {@link RecommenderSamplerComparison}.
 */
public final class SamplerComparison {
    static final long[] SEEDS = {1, 2, 3, 4, 5};
    /** Race the multivariate TPE ({@link TpeSampler.Options#multivariate()}) with {@code -Dtpe.multivariate=true}. */
    private static final boolean MULTIVARIATE = Boolean.getBoolean("tpe.multivariate");

    private SamplerComparison() {
    }

    /** One study: the best value after each trial (NaN until one completed). */
    public record Run(long seed, double[] bestSoFar) {
        double finalBest() {
            return bestSoFar[bestSoFar.length - 1];
        }
    }

    /** Both samplers over the same seeds. */
    public record Comparison(TuningProblem problem, int trials, List<Run> tpe, List<Run> random) {
    }

    public static Comparison compare(TuningProblem problem, int trials, long[] seeds) {
        return new Comparison(problem, trials,
                runs(problem, trials, seeds, SamplerComparison::tpe), runs(problem, trials, seeds, RandomSampler::new));
    }

    private static Sampler tpe(long seed) {
        return new TpeSampler(seed, TpeSampler.Options.defaults().withMultivariate(MULTIVARIATE));
    }

    private static List<Run> runs(TuningProblem problem, int trials, long[] seeds, LongFunction<Sampler> sampler) {
        return Arrays.stream(seeds).mapToObj(seed -> {
            StudyResult result = Study.builder(problem.name(), problem.space()).direction(problem.direction())
                    .sampler(sampler.apply(seed)).pruner(Pruner.NONE).trials(trials).build()
                    .optimize(problem.objective().apply(seed));
            return new Run(seed, bestSoFar(result.trials(), problem.direction()));
        }).toList();
    }

    static double[] bestSoFar(List<Trial> trials, Direction direction) {
        double[] best = new double[trials.size()];
        double current = Double.NaN;
        for (int i = 0; i < best.length; i++) {
            Trial t = trials.get(i);
            if (t.state() == TrialState.COMPLETE && (Double.isNaN(current) || direction.better(t.value(), current))) {
                current = t.value();
            }
            best[i] = current;
        }
        return best;
    }

    /** Trials (1-based) until {@code run} is at least as good as {@code target}, or -1 if never. */
    static int trialsToReach(Run run, double target, Direction direction) {
        for (int i = 0; i < run.bestSoFar().length; i++) {
            double b = run.bestSoFar()[i];
            if (!Double.isNaN(b) && !direction.better(target, b)) {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * Per seed: each sampler's best value, and the trials each needs to reach the target (the mean
     * of random search's final bests over the seeds, so both chase the same value; a seed that
     * never gets there counts as {@code trials + 1}).
     */
    public static void print(PrintStream out, Comparison c) {
        Direction dir = c.problem().direction();
        double target = c.random().stream().mapToDouble(Run::finalBest).average().orElse(Double.NaN);
        out.printf(Locale.ROOT, "%n%s: %d trials, %s, %s, target = random search's mean final best = %.5f%n",
                c.problem().name(), c.trials(), dir.name().toLowerCase(Locale.ROOT),
                MULTIVARIATE ? "tpe = multivariate TPE" : "tpe = univariate TPE", target);
        out.println("seed  tpe_best     random_best  tpe_trials_to_target  random_trials_to_target");
        int n = c.tpe().size();
        double[] sums = new double[4];
        int[] missed = new int[2];
        for (int i = 0; i < n; i++) {
            Run tpe = c.tpe().get(i);
            Run random = c.random().get(i);
            int tpeTrials = trialsToReach(tpe, target, dir);
            int randomTrials = trialsToReach(random, target, dir);
            out.printf(Locale.ROOT, "%4d  %-11.5f  %-11.5f  %-20s  %s%n", tpe.seed(), tpe.finalBest(), random.finalBest(),
                    reached(tpeTrials), reached(randomTrials));
            sums[0] += tpe.finalBest();
            sums[1] += random.finalBest();
            sums[2] += orMiss(tpeTrials, c.trials());
            sums[3] += orMiss(randomTrials, c.trials());
            missed[0] += tpeTrials < 0 ? 1 : 0;
            missed[1] += randomTrials < 0 ? 1 : 0;
        }
        out.printf(Locale.ROOT, "mean  %-11.5f  %-11.5f  %-20s  %s%n", sums[0] / n, sums[1] / n,
                String.format(Locale.ROOT, "%.1f (%d missed)", sums[2] / n, missed[0]),
                String.format(Locale.ROOT, "%.1f (%d missed)", sums[3] / n, missed[1]));
        printPaired(out, c, target);
        out.print("mean best after trial:");
        for (int t = 5; t <= c.trials(); t += 5) {
            out.printf(Locale.ROOT, "  %d: tpe %.4f / random %.4f", t, meanBestAfter(c.tpe(), t), meanBestAfter(c.random(), t));
        }
        out.println();
    }

    /**
     * The same seed's two studies compared directly (they share the 10 start-up trials): on how
     * many seeds TPE needs fewer trials to the common target, and the mean saving with a 95%
     * bootstrap interval over seeds. Then the per-seed reading of the criterion: the target is
     * that seed's own random-search final best, which random search reaches at its best trial.
     */
    static void printPaired(PrintStream out, Comparison c, double target) {
        Direction dir = c.problem().direction();
        int n = c.tpe().size();
        double[] saved = new double[n];
        double[] tpeToOwn = new double[n];
        double[] randomToOwn = new double[n];
        int fewer = 0;
        int more = 0;
        for (int i = 0; i < n; i++) {
            Run tpe = c.tpe().get(i);
            Run random = c.random().get(i);
            saved[i] = orMiss(trialsToReach(random, target, dir), c.trials()) - orMiss(trialsToReach(tpe, target, dir), c.trials());
            fewer += saved[i] > 0 ? 1 : 0;
            more += saved[i] < 0 ? 1 : 0;
            tpeToOwn[i] = orMiss(trialsToReach(tpe, random.finalBest(), dir), c.trials());
            randomToOwn[i] = trialsToReach(random, random.finalBest(), dir);
        }
        double[] interval = bootstrapMeanInterval(saved, 10_000, 1);
        out.printf(Locale.ROOT, "paired: tpe needs fewer trials on %d seeds, more on %d, as many on %d; "
                        + "trials saved per seed %.1f (95%% bootstrap %.1f .. %.1f)%n",
                fewer, more, n - fewer - more, mean(saved), interval[0], interval[1]);
        out.printf(Locale.ROOT, "per-seed target (that seed's random final best): tpe %.1f trials (%d missed), random %.1f%n",
                mean(tpeToOwn), Arrays.stream(tpeToOwn).filter(t -> t > c.trials()).count(), mean(randomToOwn));
    }

    private static double orMiss(int trialsToReach, int trials) {
        return trialsToReach < 0 ? trials + 1 : trialsToReach;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    /** The 2.5% and 97.5% quantiles of the mean over {@code resamples} seeded bootstrap resamples. */
    static double[] bootstrapMeanInterval(double[] values, int resamples, long seed) {
        UserStatistics.Interval interval = UserStatistics.bootstrap(values, resamples, seed);
        return new double[] {interval.low(), interval.high()};
    }

    private static double meanBestAfter(List<Run> runs, int trials) {
        return runs.stream().mapToDouble(r -> r.bestSoFar()[trials - 1]).average().orElse(Double.NaN);
    }

    private static String reached(int trials) {
        return trials < 0 ? "missed" : Integer.toString(trials);
    }

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        long[] seeds = args.length > 1 ? java.util.stream.LongStream.rangeClosed(1, Long.parseLong(args[1])).toArray() : SEEDS;
        for (TuningProblem p : List.of(SyntheticProblems.simulatedAlsNdcg(), SyntheticProblems.noisyBranin(),
                SyntheticProblems.noisyHartmann6())) {
            print(System.out, compare(p, trials, seeds));
        }
    }
}
