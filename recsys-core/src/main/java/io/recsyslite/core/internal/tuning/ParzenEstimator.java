package io.recsyslite.core.internal.tuning;

import io.recsyslite.core.internal.ErrorFunction;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A one-dimensional Parzen estimator as Optuna's TPE builds it: one Gaussian kernel per observation
 * plus a broad prior kernel, all truncated to {@code [low, high]}. Kernel widths are the larger gap
 * to the neighbouring observation (the outermost use their inner gap), clipped to
 * {@code [(high-low)/min(100, 1+kernels), high-low]} (Optuna's "magic clip"). Immutable.
 */
final class ParzenEstimator {
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SQRT2 = Math.sqrt(2);
    private final double low;
    private final double high;
    private final double[] mus;
    private final double[] sigmas;
    private final double[] weights;
    /** log of each kernel's weight divided by its mass inside [low, high]. */
    private final double[] logScale;

    /**
     * @param observations points on the internal line, oldest trial first
     * @param weights      their weights (see {@link TpeSampler#defaultWeights})
     */
    ParzenEstimator(double[] observations, double[] weights, double low, double high, double priorWeight) {
        int n = observations.length;
        this.low = low;
        this.high = high;
        double range = high - low;
        this.mus = Arrays.copyOf(observations, n + 1);
        mus[n] = 0.5 * (low + high);
        this.sigmas = new double[n + 1];
        double[] observed = bandwidths(observations, low, high);
        double minSigma = minSigma(range, n + 1);
        for (int i = 0; i < n; i++) {
            sigmas[i] = Math.max(minSigma, Math.min(range, observed[i]));
        }
        sigmas[n] = range;
        this.weights = kernelWeights(weights, priorWeight);
        this.logScale = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            logScale[k] = Math.log(this.weights[k]) - Math.log(normalMass((low - mus[k]) / sigmas[k], (high - mus[k]) / sigmas[k]));
        }
    }

    /** Optuna's "magic clip": the smallest kernel width on a line of {@code range} with {@code kernels} kernels. */
    static double minSigma(double range, int kernels) {
        return range / Math.min(100.0, 1.0 + kernels);
    }

    /** The kernels' mixture weights: the trials' weights, then the prior's (1 when there are no trials), normalised. */
    static double[] kernelWeights(double[] trialWeights, double priorWeight) {
        int n = trialWeights.length;
        double[] w = Arrays.copyOf(trialWeights, n + 1);
        w[n] = n == 0 ? 1.0 : priorWeight;
        double total = Arrays.stream(w).sum();
        for (int k = 0; k <= n; k++) {
            w[k] /= total;
        }
        return w;
    }

    /** An index drawn with the given probabilities (they sum to 1; rounding falls on the last). */
    static int pick(double[] probabilities, SplittableRandom rng) {
        double u = rng.nextDouble();
        int k = 0;
        while (k < probabilities.length - 1 && (u -= probabilities[k]) >= 0) {
            k++;
        }
        return k;
    }

    /** Each observation's larger gap to its neighbours among observations, the prior mean and the bounds. */
    private static double[] bandwidths(double[] observations, double low, double high) {
        int n = observations.length;
        double[] withPrior = Arrays.copyOf(observations, n + 1);
        withPrior[n] = 0.5 * (low + high);
        Integer[] order = new Integer[n + 1];
        for (int i = 0; i <= n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(withPrior[a], withPrior[b]));
        double[] sorted = new double[n + 3];
        sorted[0] = low;
        sorted[n + 2] = high;
        for (int i = 0; i <= n; i++) {
            sorted[i + 1] = withPrior[order[i]];
        }
        double[] sortedSigma = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            sortedSigma[i] = Math.max(sorted[i + 1] - sorted[i], sorted[i + 2] - sorted[i + 1]);
        }
        if (n + 1 >= 2) { // endpoints are not neighbours: the outermost kernels take their inner gap
            sortedSigma[0] = sorted[2] - sorted[1];
            sortedSigma[n] = sorted[n + 1] - sorted[n];
        }
        double[] sigma = new double[n];
        for (int i = 0; i <= n; i++) {
            if (order[i] < n) {
                sigma[order[i]] = sortedSigma[i];
            }
        }
        return sigma;
    }

    /** A draw: pick a kernel by weight, then sample it inside [low, high]. */
    double sample(SplittableRandom rng) {
        int k = pick(weights, rng);
        return sampleTruncated(mus[k], sigmas[k], low, high, rng);
    }

    /** A draw from a Gaussian truncated to [low, high], whose mean lies inside and sigma <= high-low. */
    static double sampleTruncated(double mu, double sigma, double low, double high, SplittableRandom rng) {
        // Rejection is cheap: with the mean inside and sigma <= high-low, at least a third of the
        // kernel's mass is inside.
        for (int attempt = 0; attempt < 1000; attempt++) {
            double x = mu + sigma * rng.nextGaussian();
            if (x >= low && x <= high) {
                return x;
            }
        }
        return Math.max(low, Math.min(high, mu));
    }

    /** log of the mixture density at {@code x}. */
    double logDensity(double x) {
        double[] terms = new double[mus.length];
        for (int k = 0; k < mus.length; k++) {
            terms[k] = logScale[k] + logNormal(x, mus[k], sigmas[k]);
        }
        return logSumExp(terms);
    }

    /** log of the (untruncated) Gaussian density N(mu, sigma^2) at x. */
    static double logNormal(double x, double mu, double sigma) {
        double z = (x - mu) / sigma;
        return -0.5 * z * z - LOG_SQRT_2PI - Math.log(sigma);
    }

    static double logSumExp(double[] terms) {
        double max = Double.NEGATIVE_INFINITY;
        for (double t : terms) {
            max = Math.max(max, t);
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }

    /** P(a <= Z <= b) for a standard normal Z, accurate in the tails too. */
    static double normalMass(double a, double b) {
        double mass;
        if (a >= 0) {
            mass = 0.5 * (ErrorFunction.erfc(a / SQRT2) - ErrorFunction.erfc(b / SQRT2));
        } else if (b <= 0) {
            mass = 0.5 * (ErrorFunction.erfc(-b / SQRT2) - ErrorFunction.erfc(-a / SQRT2));
        } else {
            mass = 1 - 0.5 * (ErrorFunction.erfc(-a / SQRT2) + ErrorFunction.erfc(b / SQRT2));
        }
        return Math.max(mass, Double.MIN_NORMAL);
    }
}
