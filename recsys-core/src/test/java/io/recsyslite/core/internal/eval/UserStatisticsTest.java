package io.recsyslite.core.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.error.InvalidParameterException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UserStatisticsTest {
    /** Bernoulli(p) hits for n users, like HR@10. */
    private static double[] hits(int n, double p, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble() < p ? 1 : 0;
        }
        return v;
    }

    @Test
    void bootstrapIntervalIsAboutTwoStandardErrorsAroundTheMean() {
        double[] v = hits(900, 0.2, 1);
        UserStatistics.Interval i = UserStatistics.bootstrap(v, 7);
        double se = Math.sqrt(i.mean() * (1 - i.mean()) / v.length);
        assertThat(i.low()).isLessThan(i.mean());
        assertThat(i.high()).isGreaterThan(i.mean());
        assertThat(i.high() - i.low()).isBetween(2 * 1.96 * se * 0.9, 2 * 1.96 * se * 1.1);
        assertThat(UserStatistics.bootstrap(v, 7)).as("deterministic for a seed").isEqualTo(i);
        assertThat(UserStatistics.bootstrap(new double[] {0.5}, 7)).isEqualTo(new UserStatistics.Interval(0.5, 0.5, 0.5));
    }

    @Test
    void pairedTestTellsARealDifferenceFromNoise() {
        double[] a = hits(900, 0.2, 1);
        double[] same = a.clone();
        assertThat(UserStatistics.pairedPValue(a, same, 3)).as("identical models").isEqualTo(1.0);
        double[] better = a.clone();
        for (int i = 0; i < 90; i++) { // 10% more hits on the same users
            better[i * 10 + 1] = 1;
        }
        assertThat(UserStatistics.pairedPValue(better, a, 3)).isLessThan(0.001);
        double[] other = hits(900, 0.2, 2); // same rate, unrelated users: a tie should usually not be "significant"
        assertThat(UserStatistics.pairedPValue(a, other, 3)).isGreaterThan(0.05);
        assertThatThrownBy(() -> UserStatistics.pairedPValue(a, new double[3], 3))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("same users");
    }
}
