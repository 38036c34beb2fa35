package io.recsyslite.core.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.recsyslite.core.error.InvalidParameterException;
import org.junit.jupiter.api.Test;

/** The z-test against values computed by hand (pooled SE for z, unpooled SE for the interval, z(0.975) = 1.959964). */
class TwoProportionTestTest {
    @Test
    void aClearDifferenceIsSignificant() {
        // p1 = 0.05, p2 = 0.08; pooled p = 0.065, SE0 = sqrt(0.065 * 0.935 * 2 / 1000) = 0.0110250, z = 2.72110,
        // p = 2 (1 - Phi(2.72110)) = 0.0065066; SE = sqrt(0.05 * 0.95 / 1000 + 0.08 * 0.92 / 1000) = 0.0110045
        TwoProportionTest.Result r = TwoProportionTest.test(50, 1000, 80, 1000, 0.95);
        assertThat(r.baseline()).isEqualTo(0.05);
        assertThat(r.variant()).isEqualTo(0.08);
        assertThat(r.difference()).isCloseTo(0.03, within(1e-12));
        assertThat(r.low()).isCloseTo(0.0084315, within(1e-6));
        assertThat(r.high()).isCloseTo(0.0515685, within(1e-6));
        assertThat(r.pValue()).isCloseTo(0.0065066, within(1e-6));
        assertThat(r.significant()).isTrue();
    }

    @Test
    void aSmallDifferenceIsNot() {
        // 0.03 vs 0.036: z = 0.75105, p = 0.45263, interval [-0.0096557, 0.0216557]
        TwoProportionTest.Result r = TwoProportionTest.test(30, 1000, 36, 1000, 0.95);
        assertThat(r.pValue()).isCloseTo(0.45263, within(1e-5));
        assertThat(r.low()).isCloseTo(-0.0096557, within(1e-6));
        assertThat(r.high()).isCloseTo(0.0216557, within(1e-6));
        assertThat(r.significant()).isFalse();
    }

    @Test
    void theLevelDecidesSignificanceAndANegativeDifferenceKeepsItsSign() {
        // 0.1 (200 of 2000) vs 0.08333 (150 of 1800): z = -1.77398, p = 0.076067
        TwoProportionTest.Result at95 = TwoProportionTest.test(200, 2000, 150, 1800, 0.95);
        TwoProportionTest.Result at90 = TwoProportionTest.test(200, 2000, 150, 1800, 0.90);
        assertThat(at95.difference()).isCloseTo(-0.0166667, within(1e-6));
        assertThat(at95.low()).isCloseTo(-0.0349940, within(1e-6));
        assertThat(at95.high()).isCloseTo(0.0016606, within(1e-6));
        assertThat(at95.pValue()).isCloseTo(0.076067, within(1e-5));
        assertThat(at95.significant()).isFalse();
        assertThat(at90.pValue()).isEqualTo(at95.pValue());
        assertThat(at90.significant()).isTrue();
        assertThat(at90.high()).isLessThan(0);
    }

    @Test
    void withoutTrialsNothingIsSignificantAndNothingIsNaN() {
        TwoProportionTest.Result r = TwoProportionTest.test(0, 0, 5, 10, 0.95);
        assertThat(r.baseline()).isZero();
        assertThat(r.pValue()).isEqualTo(1);
        assertThat(r.significant()).isFalse();
        assertThat(TwoProportionTest.test(0, 100, 0, 100, 0.95).pValue()).isEqualTo(1);
    }

    @Test
    void theNormalFunctionsAgreeWithTables() {
        assertThat(TwoProportionTest.inverseNormal(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThat(TwoProportionTest.inverseNormal(0.995)).isCloseTo(2.575829, within(1e-6));
        assertThat(TwoProportionTest.inverseNormal(0.01)).isCloseTo(-2.326348, within(1e-6));
        assertThat(TwoProportionTest.normal(1.0)).isCloseTo(0.8413447, within(1e-6));
        assertThat(TwoProportionTest.normal(-2.0)).isCloseTo(0.0227501, within(1e-6));
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> TwoProportionTest.test(5, 4, 1, 10, 0.95)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> TwoProportionTest.test(1, 4, 1, 10, 1.0)).isInstanceOf(InvalidParameterException.class);
    }
}
