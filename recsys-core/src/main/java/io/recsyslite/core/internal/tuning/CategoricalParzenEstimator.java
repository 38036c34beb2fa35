package io.recsyslite.core.internal.tuning;

import java.util.SplittableRandom;

/**
 * TPE's estimator for a categorical parameter, as in Optuna: each observation is a kernel putting
 * weight 1 on its choice plus {@code priorWeight/kernels} on every choice, and a uniform prior
 * kernel is added; kernels are mixed with the trial weights. Immutable.
 */
final class CategoricalParzenEstimator {
    private final double[] probabilities;

    /**
     * @param observations choice indexes, oldest trial first
     * @param weights      their weights (see {@link TpeSampler#defaultWeights})
     */
    CategoricalParzenEstimator(int[] observations, double[] weights, int numChoices, double priorWeight) {
        probabilities = new double[numChoices];
        int n = observations.length;
        double weightTotal = priorWeight;
        for (double w : weights) {
            weightTotal += w;
        }
        double priorShare = (n == 0 ? 1.0 : priorWeight / weightTotal) / numChoices;
        for (int c = 0; c < numChoices; c++) {
            probabilities[c] = priorShare;
        }
        for (int i = 0; i < n; i++) {
            double w = weights[i] / weightTotal;
            for (int c = 0; c < numChoices; c++) {
                probabilities[c] += w * kernelProbability(observations[i], c, numChoices, n + 1, priorWeight);
            }
        }
    }

    /**
     * The probability of {@code choice} under the kernel of an observed {@code observed}: weight 1
     * on it plus {@code priorWeight/kernels} on every choice, normalized.
     */
    static double kernelProbability(int observed, int choice, int numChoices, int kernels, double priorWeight) {
        double smoothing = priorWeight / kernels;
        return ((choice == observed ? 1 : 0) + smoothing) / (1 + smoothing * numChoices);
    }

    int sample(SplittableRandom rng) {
        return ParzenEstimator.pick(probabilities, rng);
    }

    double logProbability(int choice) {
        return Math.log(probabilities[choice]);
    }
}
