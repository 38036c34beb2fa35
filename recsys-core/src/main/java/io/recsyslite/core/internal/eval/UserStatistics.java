package io.recsyslite.core.internal.eval;

import io.recsyslite.core.error.InvalidParameterException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Uncertainty of a metric averaged over users: a percentile bootstrap interval of the mean, and a
 * paired randomisation (sign-flip) test of two models on the same users, the test Smucker, Allan and
 * Carterette (2007) recommend for IR metrics. Both are deterministic for a seed. Stateless.
 */
public final class UserStatistics {
    /** Resamples of the bootstrap and random sign flips of the paired test. */
    public static final int RESAMPLES = 10_000;

    private UserStatistics() {
    }

    /** The mean and its 95% percentile bootstrap interval over users. */
    public record Interval(double mean, double low, double high) {
    }

    /** The 95% bootstrap interval of the mean of {@code values} (one per user), {@link #RESAMPLES} resamples. */
    public static Interval bootstrap(double[] values, long seed) {
        return bootstrap(values, RESAMPLES, seed);
    }

    /** The 95% percentile bootstrap interval of the mean of {@code values} over {@code resamples} resamples. */
    public static Interval bootstrap(double[] values, int resamples, long seed) {
        double mean = UserScores.mean(values);
        if (values.length < 2) {
            return new Interval(mean, mean, mean);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                sum += values[random.nextInt(values.length)];
            }
            means[r] = sum / values.length;
        }
        Arrays.sort(means);
        return new Interval(mean, means[(int) (0.025 * resamples)], means[(int) (0.975 * resamples) - 1]);
    }

    /**
     * Two-sided p-value of the paired randomisation test: under the null hypothesis that the two
     * models are exchangeable, each user's difference {@code a[i] - b[i]} is as likely negated, so
     * the p-value is the share of random sign flips whose mean difference is at least as far from
     * zero as the observed one (counting the observed assignment, so never 0).
     */
    public static double pairedPValue(double[] a, double[] b, long seed) {
        if (a.length != b.length) {
            throw new InvalidParameterException("a paired test needs the same users: " + a.length + " vs " + b.length
                    + " values");
        }
        double[] diff = new double[a.length];
        double observed = 0;
        for (int i = 0; i < a.length; i++) {
            diff[i] = a[i] - b[i];
            observed += diff[i];
        }
        observed = Math.abs(observed) - 1e-12; // equal sums count as "at least as far"
        SplittableRandom random = new SplittableRandom(seed);
        int extreme = 0;
        for (int r = 0; r < RESAMPLES; r++) {
            double sum = 0;
            for (double d : diff) {
                sum += random.nextBoolean() ? d : -d;
            }
            if (Math.abs(sum) >= observed) {
                extreme++;
            }
        }
        return (extreme + 1.0) / (RESAMPLES + 1.0);
    }
}
