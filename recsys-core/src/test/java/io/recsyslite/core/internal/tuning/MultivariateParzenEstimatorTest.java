package io.recsyslite.core.internal.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recsyslite.core.spi.ParamSpec;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Expected densities are the mixtures of truncated normals written out in Python (math.erf). */
class MultivariateParzenEstimatorTest {
    private static final List<SearchDimension> XY = SearchDimension.tunable(List.of(
            ParamSpec.floatRange("x", 1.0, 0.0, 3.0), ParamSpec.floatRange("y", 1.0, 0.0, 6.0)));

    /**
     * One trial at (1, 2): the multivariate rule gives sigma = 0.2 * 1^(-1/6) * range = (0.6, 1.2),
     * which the magic clip raises to range / min(100, 1 + 2 kernels) = (1, 2); the prior kernel sits
     * at (1.5, 3) with sigma (3, 6); both kernels weigh 1/2.
     */
    @Test
    void densityOfOneTrialIsAProductKernelMixedWithThePrior() {
        MultivariateParzenEstimator p = new MultivariateParzenEstimator(XY, new double[][] {{1, 2}}, new double[] {1}, 1.0);
        assertThat(p.logDensity(new double[] {1, 2})).isCloseTo(-2.4224751584656157, within(1e-6));
        assertThat(p.logDensity(new double[] {2.5, 0.5})).isCloseTo(-3.2015120103543526, within(1e-6));
    }

    /**
     * 30 trials at (1, 2): sigma = 0.2 * 30^(-1/(2+4)) * range = 0.11346 * range, above the clip of
     * range / 32; the trials' kernels weigh 30/31, the prior 1/31.
     */
    @Test
    void bandwidthShrinksWithTheNumberOfObservationsAsInOptuna() {
        double[][] rows = new double[30][];
        Arrays.setAll(rows, i -> new double[] {1, 2});
        double[] weights = new double[30];
        Arrays.fill(weights, 1.0);
        MultivariateParzenEstimator p = new MultivariateParzenEstimator(XY, rows, weights, 1.0);
        assertThat(p.logDensity(new double[] {1, 2})).isCloseTo(-0.40229024673692937, within(1e-6));
        assertThat(p.logDensity(new double[] {2.5, 0.5})).isCloseTo(-6.382650196669062, within(1e-6));
    }

    /** A category in the same kernel: the trial's choice gets (1 + 1/2) / (1 + 3/2), the others 0.5 / 2.5. */
    @Test
    void categoriesAreModelledJointlyInTheSameKernel() {
        List<SearchDimension> dims = SearchDimension.tunable(List.of(
                ParamSpec.floatRange("x", 1.0, 0.0, 3.0), ParamSpec.categorical("kind", "a", "a", "b", "c")));
        MultivariateParzenEstimator p = new MultivariateParzenEstimator(dims, new double[][] {{1, 1}}, new double[] {1}, 1.0);
        assertThat(p.logDensity(new double[] {1, 1})).isCloseTo(-1.5931407577884287, within(1e-6));
        assertThat(p.logDensity(new double[] {1, 0})).isCloseTo(-2.2460527122084457, within(1e-6));
    }

    @Test
    void samplesStayInBoundsAndFollowTheObservedPairs() {
        List<SearchDimension> dims = SearchDimension.tunable(List.of(
                ParamSpec.floatRange("x", 1.0, 0.0, 10.0), ParamSpec.floatLogRange("lr", 0.01, 1e-5, 1.0),
                ParamSpec.intRange("n", 3, 1, 5), ParamSpec.categorical("kind", "a", "a", "b", "c")));
        // the trials lie on a diagonal: x / 10 = (log(lr) - log(1e-5)) / log(1e5); joint draws stay near it
        double[][] rows = new double[20][];
        Arrays.setAll(rows, i -> new double[] {10 * i / 19.0, Math.log(1e-5) + Math.log(1e5) * i / 19.0, 1 + i % 5, 2});
        double[] weights = new double[20];
        Arrays.fill(weights, 1.0);
        MultivariateParzenEstimator p = new MultivariateParzenEstimator(dims, rows, weights, 1.0);
        SplittableRandom rng = new SplittableRandom(1);
        int onLine = 0;
        for (int i = 0; i < 2000; i++) {
            double[] s = p.sample(rng);
            for (int j = 0; j < 3; j++) {
                assertThat(s[j]).isBetween(dims.get(j).low, dims.get(j).high);
            }
            assertThat(s[3]).isIn(0.0, 1.0, 2.0);
            onLine += Math.abs(s[0] / 10 - (s[1] - Math.log(1e-5)) / Math.log(1e5)) < 0.25 ? 1 : 0;
        }
        // independent draws from near-uniform marginals would land there about 44% of the time
        assertThat(onLine).isGreaterThan(1400);
    }
}
