package io.recsyslite.core.internal.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParzenEstimatorTest {
    @Test
    void densityIntegratesToOneOverTheTruncatedRange() {
        ParzenEstimator p = new ParzenEstimator(new double[] {0.1, 0.15, 0.9}, new double[] {1, 1, 1}, 0, 1, 1.0);
        double integral = 0;
        int steps = 20_000;
        for (int i = 0; i < steps; i++) {
            integral += Math.exp(p.logDensity((i + 0.5) / steps)) / steps;
        }
        assertThat(integral).isCloseTo(1.0, within(1e-4));
    }

    /**
     * Optuna's univariate estimator by hand: with the prior mean 0.5 among the points 0.1, 0.15, 0.9
     * on [0, 1], the widths are the larger neighbour gap (the outermost points their inner gap):
     * 0.05, 0.35, 0.4, clipped below at 1 / min(100, 1 + 4 kernels) = 0.2, so 0.2, 0.35, 0.4; the
     * prior kernel has width 1 and the same weight as each point (1/4 each). Expected values are
     * that mixture of truncated normals, computed with Python's math.erf.
     */
    @Test
    void densityMatchesOptunasBandwidthsMagicClipAndPrior() {
        ParzenEstimator p = new ParzenEstimator(new double[] {0.1, 0.15, 0.9}, new double[] {1, 1, 1}, 0, 1, 1.0);
        assertThat(p.logDensity(0.0)).isCloseTo(0.2585235965792872, within(1e-6));
        assertThat(p.logDensity(0.12)).isCloseTo(0.3748028563246277, within(1e-6));
        assertThat(p.logDensity(0.5)).isCloseTo(-0.12957217567521434, within(1e-6));
        assertThat(p.logDensity(0.95)).isCloseTo(-0.37243025965353416, within(1e-6));
    }

    @Test
    void samplesStayInRangeAndFollowTheObservations() {
        ParzenEstimator p = new ParzenEstimator(new double[] {2.0, 2.1, 2.05}, new double[] {1, 1, 1}, 0, 10, 1.0);
        SplittableRandom rng = new SplittableRandom(1);
        int near = 0;
        for (int i = 0; i < 1000; i++) {
            double x = p.sample(rng);
            assertThat(x).isBetween(0.0, 10.0);
            near += Math.abs(x - 2.05) < 2 ? 1 : 0;
        }
        // 3 of 4 kernel weights sit near 2.05; widths are clipped to >= 10/5 (the magic clip)
        assertThat(near).isGreaterThan(500);
        assertThat(p.logDensity(2.05)).isGreaterThan(p.logDensity(8.0));
    }

    @Test
    void normalMassMatchesKnownValues() {
        assertThat(ParzenEstimator.normalMass(-1, 1)).isCloseTo(0.682689, within(1e-6));
        assertThat(ParzenEstimator.normalMass(0, Double.POSITIVE_INFINITY)).isCloseTo(0.5, within(1e-7));
        assertThat(ParzenEstimator.normalMass(6, 7) / 9.853078e-10).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void categoricalEstimatorFavoursObservedChoicesButKeepsEveryChoicePossible() {
        CategoricalParzenEstimator c = new CategoricalParzenEstimator(new int[] {1, 1, 2}, new double[] {1, 1, 1}, 4, 1.0);
        double total = 0;
        for (int i = 0; i < 4; i++) {
            total += Math.exp(c.logProbability(i));
        }
        assertThat(total).isCloseTo(1.0, within(1e-12));
        assertThat(c.logProbability(1)).isGreaterThan(c.logProbability(2));
        assertThat(c.logProbability(2)).isGreaterThan(c.logProbability(0));
        assertThat(c.logProbability(0)).isGreaterThan(Double.NEGATIVE_INFINITY);
    }
}
