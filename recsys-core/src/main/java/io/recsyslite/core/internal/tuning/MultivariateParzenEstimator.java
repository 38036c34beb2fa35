package io.recsyslite.core.internal.tuning;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The joint Parzen estimator of Optuna's multivariate TPE (Falkner et al. 2018): one kernel per
 * observed trial over all dimensions at once, plus a prior kernel. A kernel is a product over the
 * dimensions: truncated Gaussians for numbers (centred on the trial's value; the prior's at the
 * mid-point with sigma = high-low), and for categories the smoothed choice distribution of
 * {@link CategoricalParzenEstimator#kernelProbability} (the prior's is uniform). Numeric bandwidths
 * follow Optuna's multivariate rule {@code 0.2 n^(-1/(d+4)) (high-low)} (n observations, d
 * dimensions), clipped like {@link ParzenEstimator}. Immutable.
 */
final class MultivariateParzenEstimator {
    private static final double SIGMA0_MAGNITUDE = 0.2;
    private final List<SearchDimension> dims;
    /** Per kernel (observations, then the prior), per dimension: the centre (a choice index for categories). */
    private final double[][] centres;
    /** Per dimension: the sigma of the observations' kernels (the prior's is high-low; unused for categories). */
    private final double[] sigmas;
    private final double[] weights;
    /** log of each kernel's weight divided by its numeric mass inside the bounds. */
    private final double[] logScale;
    private final double priorWeight;

    /**
     * @param observations one row per trial, oldest first: its values on the dimensions' internal lines
     * @param weights      the trials' weights (see {@link TpeSampler#defaultWeights})
     */
    MultivariateParzenEstimator(List<SearchDimension> dims, double[][] observations, double[] weights,
            double priorWeight) {
        int n = observations.length;
        int d = dims.size();
        this.dims = dims;
        this.priorWeight = priorWeight;
        this.centres = Arrays.copyOf(observations, n + 1);
        this.sigmas = new double[d];
        centres[n] = new double[d];
        double shrink = SIGMA0_MAGNITUDE * Math.pow(Math.max(n, 1), -1.0 / (d + 4));
        for (int j = 0; j < d; j++) {
            SearchDimension dim = dims.get(j);
            double range = dim.high - dim.low;
            sigmas[j] = Math.max(ParzenEstimator.minSigma(range, n + 1), Math.min(range, shrink * range));
            centres[n][j] = dim.categorical() ? -1 : 0.5 * (dim.low + dim.high);
        }
        this.weights = ParzenEstimator.kernelWeights(weights, priorWeight);
        this.logScale = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            logScale[k] = Math.log(this.weights[k]);
            for (int j = 0; j < d; j++) {
                SearchDimension dim = dims.get(j);
                if (!dim.categorical()) {
                    double mu = centres[k][j];
                    double sigma = sigma(k, j);
                    logScale[k] -= Math.log(ParzenEstimator.normalMass((dim.low - mu) / sigma, (dim.high - mu) / sigma));
                }
            }
        }
    }

    private boolean isPrior(int kernel) {
        return kernel == centres.length - 1;
    }

    private double sigma(int kernel, int j) {
        return isPrior(kernel) ? dims.get(j).high - dims.get(j).low : sigmas[j];
    }

    /** A joint draw: pick a kernel by weight, then sample each dimension from it. */
    double[] sample(SplittableRandom rng) {
        int k = ParzenEstimator.pick(weights, rng);
        double[] x = new double[dims.size()];
        for (int j = 0; j < x.length; j++) {
            SearchDimension dim = dims.get(j);
            x[j] = dim.categorical() ? sampleChoice(k, j, rng)
                    : ParzenEstimator.sampleTruncated(centres[k][j], sigma(k, j), dim.low, dim.high, rng);
        }
        return x;
    }

    private int sampleChoice(int kernel, int j, SplittableRandom rng) {
        double[] probabilities = new double[dims.get(j).numChoices()];
        for (int c = 0; c < probabilities.length; c++) {
            probabilities[c] = choiceProbability(kernel, j, c);
        }
        return ParzenEstimator.pick(probabilities, rng);
    }

    /** log of the mixture density at the point {@code x} (choice indexes for categories). */
    double logDensity(double[] x) {
        double[] terms = new double[centres.length];
        for (int k = 0; k < centres.length; k++) {
            double t = logScale[k];
            for (int j = 0; j < x.length; j++) {
                t += dims.get(j).categorical() ? Math.log(choiceProbability(k, j, (int) x[j]))
                        : ParzenEstimator.logNormal(x[j], centres[k][j], sigma(k, j));
            }
            terms[k] = t;
        }
        return ParzenEstimator.logSumExp(terms);
    }

    private double choiceProbability(int kernel, int j, int choice) {
        int choices = dims.get(j).numChoices();
        return isPrior(kernel) ? 1.0 / choices : CategoricalParzenEstimator.kernelProbability(
                (int) centres[kernel][j], choice, choices, centres.length, priorWeight);
    }
}
