package io.recsyslite.core.internal.eval;

import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.internal.ErrorFunction;

/**
 * The two-proportion z-test of a variant's rate against a baseline's (e.g. clicks per impression):
 * the difference {@code variant - baseline} with its Wald interval (unpooled standard error) at a
 * confidence level, and the two-sided p-value of "no difference" (pooled standard error). With a
 * group of size 0, or no variation at all, nothing can be told apart: the interval is the point
 * difference and the p-value 1. Stateless.
 */
public final class TwoProportionTest {
    /** The method's name as reports print it. */
    public static final String METHOD = "two-proportion z-test";

    private TwoProportionTest() {
    }

    /**
     * The outcome of one test.
     *
     * @param baseline    the baseline's rate
     * @param variant     the variant's rate
     * @param difference  variant - baseline
     * @param low         lower end of the interval for the difference
     * @param high        upper end
     * @param pValue      two-sided p-value of no difference
     * @param significant whether pValue is below 1 - confidence level
     */
    public record Result(double baseline, double variant, double difference, double low, double high, double pValue,
                         boolean significant) {
    }

    /**
     * Tests {@code variantSuccesses / variantTrials} against {@code baselineSuccesses / baselineTrials}
     * at {@code confidence} (e.g. 0.95).
     */
    public static Result test(long baselineSuccesses, long baselineTrials, long variantSuccesses, long variantTrials,
                              double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new InvalidParameterException("the confidence level must be between 0 and 1, was " + confidence);
        }
        if (baselineSuccesses < 0 || variantSuccesses < 0 || baselineSuccesses > baselineTrials
                || variantSuccesses > variantTrials) {
            throw new InvalidParameterException("successes must be between 0 and the number of trials");
        }
        double p1 = rate(baselineSuccesses, baselineTrials);
        double p2 = rate(variantSuccesses, variantTrials);
        double difference = p2 - p1;
        if (baselineTrials == 0 || variantTrials == 0) {
            return new Result(p1, p2, difference, difference, difference, 1, false);
        }
        double pooled = (double) (baselineSuccesses + variantSuccesses) / (baselineTrials + variantTrials);
        double pooledSe = Math.sqrt(pooled * (1 - pooled) * (1.0 / baselineTrials + 1.0 / variantTrials));
        double se = Math.sqrt(p1 * (1 - p1) / baselineTrials + p2 * (1 - p2) / variantTrials);
        double z = inverseNormal(1 - (1 - confidence) / 2);
        double pValue = pooledSe == 0 ? 1 : 2 * (1 - normal(Math.abs(difference) / pooledSe));
        return new Result(p1, p2, difference, difference - z * se, difference + z * se, pValue,
                pValue < 1 - confidence);
    }

    /** successes / trials, 0 without trials. */
    public static double rate(long successes, long trials) {
        return trials == 0 ? 0 : (double) successes / trials;
    }

    /** The standard normal distribution function. */
    static double normal(double x) {
        return 0.5 * ErrorFunction.erfc(-x / Math.sqrt(2));
    }

    /** The standard normal quantile (P. J. Acklam's rational approximation, relative error below 1.2e-9). */
    static double inverseNormal(double p) {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            return -inverseNormal(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
