package io.recsyslite.core.internal.tuning;

import io.recsyslite.core.spi.ParamSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

/**
 * Tree-structured Parzen Estimator (Bergstra et al. 2011) with the defaults of Optuna's
 * {@code TPESampler}: the first {@code nStartupTrials} trials are random; then the complete and
 * pruned trials are split into the {@code gamma(n)} best ("good", density l) and the rest (g), and
 * for each parameter independently {@code nEiCandidates} values are drawn from l and the one with
 * the largest {@code log l(x) - log g(x)} is taken. Numbers use truncated Gaussian mixtures on the
 * (log-)line ({@link ParzenEstimator}), categories smoothed counts ({@link CategoricalParzenEstimator});
 * ints are drawn as continuous values and rounded. With {@link Options#multivariate()} the
 * parameters are modelled and drawn jointly instead ({@link MultivariateParzenEstimator}); trials
 * missing a parameter are then left out. Failed trials are ignored. Immutable and
 * thread-safe.
 */
public final class TpeSampler implements Sampler {
    /**
     * @param nStartupTrials random trials before TPE starts (Optuna: 10)
     * @param nEiCandidates  candidates drawn from l per parameter (Optuna: 24)
     * @param priorWeight    weight of the prior kernel (Optuna: 1.0)
     * @param gamma          how many of n trials count as good (Optuna: min(ceil(0.1 n), 25))
     * @param multivariate   model all parameters jointly ({@link MultivariateParzenEstimator},
     *                       Optuna's {@code multivariate=True}) instead of each on its own (Optuna: false)
     */
    public record Options(int nStartupTrials, int nEiCandidates, double priorWeight, IntUnaryOperator gamma,
            boolean multivariate) {
        public Options {
            if (nStartupTrials < 0 || nEiCandidates < 1 || !(priorWeight > 0)) {
                throw new IllegalArgumentException("bad TPE options: startup " + nStartupTrials
                        + ", candidates " + nEiCandidates + ", prior weight " + priorWeight);
            }
        }

        public static Options defaults() {
            return new Options(10, 24, 1.0, TpeSampler::defaultGamma, false);
        }

        public Options withStartupTrials(int n) {
            return new Options(n, nEiCandidates, priorWeight, gamma, multivariate);
        }

        public Options withMultivariate(boolean on) {
            return new Options(nStartupTrials, nEiCandidates, priorWeight, gamma, on);
        }
    }

    private final long seed;
    private final Options options;

    public TpeSampler(long seed) {
        this(seed, Options.defaults());
    }

    public TpeSampler(long seed, Options options) {
        this.seed = seed;
        this.options = options;
    }

    /** Optuna's default: the best 10%, rounded up, at most 25. */
    public static int defaultGamma(int n) {
        return Math.min((int) Math.ceil(0.1 * n), 25);
    }

    /** Optuna's default trial weights, oldest first: equal up to 25, then older trials ramp down. */
    static double[] defaultWeights(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        int ramp = n - 25;
        for (int i = 0; i < ramp; i++) { // linspace(1/n, 1, ramp)
            w[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * i / (ramp - 1);
        }
        return w;
    }

    @Override
    public Map<String, Object> sample(ParamSpace space, List<Trial> finished, Direction direction, int trialNumber) {
        SplittableRandom rng = RandomSampler.trialRandom(seed, trialNumber);
        List<Trial> usable = finished.stream()
                .filter(t -> t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED).toList();
        Map<String, Object> values = new LinkedHashMap<>();
        boolean startup = usable.size() < Math.max(1, options.nStartupTrials());
        List<List<Trial>> split = startup ? null : split(usable, direction, options.gamma().applyAsInt(usable.size()));
        List<SearchDimension> dims = SearchDimension.tunable(space.specs());
        if (!startup && options.multivariate()) {
            return sampleJointly(dims, split.get(0), split.get(1), rng);
        }
        for (SearchDimension d : dims) {
            values.put(d.name(), startup ? d.uniform(rng) : sample(d, split.get(0), split.get(1), rng));
        }
        return values;
    }

    private Object sample(SearchDimension d, List<Trial> good, List<Trial> bad, SplittableRandom rng) {
        double[] l = observations(d, good);
        double[] g = observations(d, bad);
        if (d.categorical()) {
            CategoricalParzenEstimator lEst = categorical(d, l);
            CategoricalParzenEstimator gEst = categorical(d, g);
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < options.nEiCandidates(); i++) {
                int c = lEst.sample(rng);
                double score = lEst.logProbability(c) - gEst.logProbability(c);
                if (best < 0 || score > bestScore) {
                    best = c;
                    bestScore = score;
                }
            }
            return d.spec.choices().get(best);
        }
        ParzenEstimator lEst = new ParzenEstimator(l, defaultWeights(l.length), d.low, d.high, options.priorWeight());
        ParzenEstimator gEst = new ParzenEstimator(g, defaultWeights(g.length), d.low, d.high, options.priorWeight());
        Object best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < options.nEiCandidates(); i++) {
            Object value = d.valueAt(lEst.sample(rng));
            double x = d.internal(value); // score the value actually used (ints are rounded)
            double score = lEst.logDensity(x) - gEst.logDensity(x);
            if (best == null || score > bestScore) {
                best = value;
                bestScore = score;
            }
        }
        return best;
    }

    /** Multivariate TPE: candidates drawn jointly from l, the one with the largest log l - log g wins. */
    private Map<String, Object> sampleJointly(List<SearchDimension> dims, List<Trial> good, List<Trial> bad,
            SplittableRandom rng) {
        MultivariateParzenEstimator lEst = joint(dims, good);
        MultivariateParzenEstimator gEst = joint(dims, bad);
        Object[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < options.nEiCandidates(); i++) {
            double[] x = lEst.sample(rng);
            Object[] values = new Object[x.length];
            for (int j = 0; j < x.length; j++) {
                SearchDimension d = dims.get(j);
                values[j] = d.categorical() ? d.spec.choices().get((int) x[j]) : d.valueAt(x[j]);
                x[j] = d.internal(values[j]); // score the values actually used (ints are rounded)
            }
            double score = lEst.logDensity(x) - gEst.logDensity(x);
            if (best == null || score > bestScore) {
                best = values;
                bestScore = score;
            }
        }
        Map<String, Object> chosen = new LinkedHashMap<>();
        for (int j = 0; j < dims.size(); j++) {
            chosen.put(dims.get(j).name(), best[j]);
        }
        return chosen;
    }

    /** The joint estimator of the trials that have a fitting value for every dimension. */
    private MultivariateParzenEstimator joint(List<SearchDimension> dims, List<Trial> trials) {
        double[][] rows = trials.stream()
                .map(t -> dims.stream().mapToDouble(d -> internal(d, t)).toArray())
                .filter(row -> Arrays.stream(row).noneMatch(Double::isNaN))
                .toArray(double[][]::new);
        return new MultivariateParzenEstimator(dims, rows, defaultWeights(rows.length), options.priorWeight());
    }

    private CategoricalParzenEstimator categorical(SearchDimension d, double[] observed) {
        int[] indexes = Arrays.stream(observed).mapToInt(v -> (int) v).toArray();
        return new CategoricalParzenEstimator(indexes, defaultWeights(indexes.length), d.numChoices(),
                options.priorWeight());
    }

    /** The trials' values of this parameter on the internal line, skipping ones that no longer fit. */
    private static double[] observations(SearchDimension d, List<Trial> trials) {
        return trials.stream().mapToDouble(t -> internal(d, t)).filter(x -> !Double.isNaN(x)).toArray();
    }

    /** The trial's value of this parameter on the internal line, NaN if missing or no longer fitting. */
    private static double internal(SearchDimension d, Trial t) {
        Object v = t.params().get(d.name());
        return v == null ? Double.NaN : d.internal(v);
    }

    /**
     * Optuna's split: the {@code nGood} best complete trials are good; when there are fewer complete
     * trials, pruned ones that got furthest (then with the better last value) fill up. Both lists
     * are returned oldest first, as the trial weights expect.
     */
    static List<List<Trial>> split(List<Trial> trials, Direction direction, int nGood) {
        Comparator<Trial> byLoss = Comparator.comparingDouble(t -> direction.loss(t.value()));
        List<Trial> complete = new ArrayList<>(trials.stream().filter(t -> t.state() == TrialState.COMPLETE).toList());
        List<Trial> pruned = new ArrayList<>(trials.stream().filter(t -> t.state() == TrialState.PRUNED).toList());
        complete.sort(byLoss.thenComparingInt(Trial::number));
        pruned.sort(Comparator.comparingInt((Trial t) -> -t.lastStep()).thenComparing(byLoss)
                .thenComparingInt(Trial::number));
        int fromComplete = Math.min(nGood, complete.size());
        int fromPruned = Math.min(nGood - fromComplete, pruned.size());
        List<Trial> good = new ArrayList<>(complete.subList(0, fromComplete));
        good.addAll(pruned.subList(0, fromPruned));
        List<Trial> bad = new ArrayList<>(complete.subList(fromComplete, complete.size()));
        bad.addAll(pruned.subList(fromPruned, pruned.size()));
        good.sort(Comparator.comparingInt(Trial::number));
        bad.sort(Comparator.comparingInt(Trial::number));
        return List.of(good, bad);
    }
}
