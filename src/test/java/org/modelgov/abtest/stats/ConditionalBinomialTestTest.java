package org.modelgov.abtest.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The conditional binomial test against SciPy 1.17.1, computed independently:
 * <pre>
 * from scipy.stats import binomtest
 * binomtest(x2, x1 + x2, n2 / (n1 + n2), alternative='greater').pvalue
 * </pre>
 * (Fisher's exact test on the same tables, for comparison: 0.0909, 3.78e-11, 0.0861, 0.363, 1.0, 7.50e-30.)
 */
class ConditionalBinomialTestTest {

    @ParameterizedTest(name = "{0}/{1} vs {2}/{3}: p = {4}")
    @CsvSource({
            "0, 20000, 1, 2000, 0.09090909090909091",
            "0, 20000, 10, 2000, 3.855432894295319e-11",
            "45, 45000, 9, 5000, 0.08618999286962803",
            "3, 1000, 5, 1000, 0.36328125",
            "2, 100000, 0, 10000, 1.0",
            "120, 10000000, 30, 100000, 7.529243006292956e-30"})
    void matchesSciPysBinomialTest(long x1, long n1, long x2, long n2, double p) {
        assertThat(ConditionalBinomialTest.higher(x1, n1, x2, n2)).isCloseTo(p, within(p * 1e-10));
    }

    @Test
    void theZTestIsTrustedOnlyWithFiveExpectedEventsOnEachSide() {
        // pooled 54 / 50,000 = 0.108 %: 5.4 expected on the 5,000 side
        assertThat(ConditionalBinomialTest.zTestUnreliable(45, 45000, 9, 5000)).isFalse();
        // pooled 0.1 %: 4.5 expected on the 4,500 side
        assertThat(ConditionalBinomialTest.zTestUnreliable(45, 45500, 0, 4500)).isTrue();
        // almost every call an event: the non-events are what is rare
        assertThat(ConditionalBinomialTest.zTestUnreliable(999, 1000, 999, 1000)).isTrue();
        assertThat(ConditionalBinomialTest.zTestUnreliable(30, 1000, 45, 1000)).isFalse();
    }
}
