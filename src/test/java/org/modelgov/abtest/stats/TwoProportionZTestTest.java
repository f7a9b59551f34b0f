package org.modelgov.abtest.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pooled two-proportion z-test against statsmodels' {@code proportions_ztest} formula, evaluated independently in
 * Python with SciPy's normal tail (statsmodels itself is not installed here; its source computes exactly this for
 * {@code value=None, prop_var=False}):
 * <pre>
 * def ztest(c1, n1, c2, n2):
 *     p1 = c1/n1; p2 = c2/n2; p = (c1+c2)/(n1+n2)
 *     z = (p2-p1) / math.sqrt(p*(1-p)*(1/n1+1/n2)); return z, scipy.stats.norm.sf(z)
 * </pre>
 */
class TwoProportionZTestTest {

    @ParameterizedTest(name = "{0}/{1} vs {2}/{3}: z = {4}, p = {5}")
    @CsvSource({
            // 3.0 % against 4.5 % on 1,000 each: significant at 5 % one-sided
            "30, 1000, 45, 1000, 1.7654696590094991, 0.03874243256632235",
            // unequal traffic (a 10 % challenger): 0.24 % against 0.8 %
            "120, 50000, 40, 5000, 7.010204087049541, 1.1898537121261991e-12",
            // the champion had no error at all
            "0, 2000, 3, 200, 5.480963870726348, 2.1150743430158743e-08",
            // equal rates
            "5, 100, 5, 100, 0.0, 0.5",
            // tiny samples, the challenger lower
            "7, 7, 3, 4, -1.3874436925511606, 0.9173467451645232",
            // huge counts (beyond an int; their sum of trials beyond 10^10)
            "1234567, 9876543210, 125150, 1000000000, 0.40453932688292826, 0.3429080823338989"})
    void matchesTheStatsmodelsFormula(long c1, long n1, long c2, long n2, double z, double p) {
        TwoProportionZTest.Result result = TwoProportionZTest.higher(c1, n1, c2, n2);
        assertThat(result.z()).isCloseTo(z, within(1e-9 * Math.max(1, Math.abs(z))));
        assertThat(result.pValue()).isCloseTo(p, within(p * 1e-9));
        assertThat(result.baselineRate()).isEqualTo((double) c1 / n1);
        assertThat(result.candidateRate()).isEqualTo((double) c2 / n2);
    }

    @Test
    void anOverwhelminglyHigherRateOnHugeCountsHasAPValueOfPracticallyZero() {
        // z = 93.149346532 (same script); SciPy answers 0.0, the true tail is about 1e-1886
        TwoProportionZTest.Result result = TwoProportionZTest.higher(1234567, 9876543210L, 160000, 1000000000);
        assertThat(result.z()).isCloseTo(93.1493465320301, within(1e-6));
        assertThat(result.pValue()).isZero();
    }

    @Test
    void noVariationAtAllIsNoEvidenceOfAHigherRate() {
        assertThat(TwoProportionZTest.higher(0, 5000, 0, 500).pValue()).isEqualTo(1.0);
        assertThat(TwoProportionZTest.higher(0, 5000, 0, 500).z()).isZero();
        assertThat(TwoProportionZTest.higher(10, 10, 3, 3).pValue()).isEqualTo(1.0);
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThatThrownBy(() -> TwoProportionZTest.higher(0, 0, 1, 10)).hasMessageContaining("at least one trial");
        assertThatThrownBy(() -> TwoProportionZTest.higher(11, 10, 1, 10)).hasMessageContaining("between 0 and");
        assertThatThrownBy(() -> TwoProportionZTest.higher(1, 10, -1, 10)).hasMessageContaining("between 0 and");
    }
}
