package org.modelgov.abtest.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.modelgov.abtest.stats.MannWhitneyU.Alternative;
import org.modelgov.abtest.stats.MannWhitneyU.Method;

/**
 * Mann–Whitney U against SciPy 1.17.1, computed independently:
 * <pre>
 * from scipy.stats import mannwhitneyu
 * r = mannwhitneyu(x, y, alternative='greater'|'less')   # method='auto', use_continuity=True
 * print(r.statistic, r.pvalue)
 * </pre>
 * 'auto' takes the exact distribution when a sample has at most 8 values and nothing ties, else the normal
 * approximation with tie and continuity corrections; the samples below exercise both.
 */
class MannWhitneyUTest {

    private static void assertMatches(double[] x, double[] y, Alternative alternative, double u1, double p, Method method) {
        MannWhitneyU.Result result = MannWhitneyU.test(x, y, alternative);
        assertThat(result.u1()).isEqualTo(u1);
        assertThat(result.pValue()).isCloseTo(p, within(p * 1e-12));
        assertThat(result.method()).isEqualTo(method);
    }

    @Test
    void tinySamplesWithoutTiesUseTheExactDistribution() {
        double[] x = {19, 22, 16, 29, 24};
        double[] y = {20, 11, 17, 12};
        assertMatches(x, y, Alternative.GREATER, 17.0, 0.05555555555555555, Method.EXACT);
        assertMatches(x, y, Alternative.LESS, 17.0, 0.9682539682539683, Method.EXACT);
    }

    @Test
    void eightPeriodsEachWithoutTiesAreStillExact() {
        double[] x = {3.1, 4.2, 5.5, 6.0, 7.7, 8.1, 9.9, 10.5};
        double[] y = {1.0, 2.2, 3.3, 4.4, 5.1, 6.6, 7.2, 8.8};
        assertMatches(x, y, Alternative.GREATER, 45.0, 0.09743589743589742, Method.EXACT);
        assertMatches(x, y, Alternative.LESS, 45.0, 0.9197358197358197, Method.EXACT);
    }

    @Test
    void aSmallSampleAgainstALargeOneIsExact() {
        double[] x = {5.5, 6.1, 7.2, 4.9, 5.05};
        double[] y = IntStream.range(0, 40).mapToDouble(i -> i / 7.0).toArray();
        assertMatches(x, y, Alternative.GREATER, 190.0, 9.248959901257122e-05, Method.EXACT);
        assertMatches(x, y, Alternative.LESS, 190.0, 0.9999320651617872, Method.EXACT);
    }

    @Test
    void tiesGetMidRanksAndTheTieCorrectedNormalApproximation() {
        double[] x = {1, 2, 2, 3, 3, 3, 4, 5, 5, 6};
        double[] y = {1, 1, 2, 2, 3, 4, 4, 4, 5, 7, 8};
        assertMatches(x, y, Alternative.GREATER, 53.0, 0.5707397085025477, Method.ASYMPTOTIC);
        assertMatches(x, y, Alternative.LESS, 53.0, 0.4574124862715725, Method.ASYMPTOTIC);
    }

    @Test
    void largerSamplesUseTheNormalApproximationWithContinuityCorrection() {
        double[] x = {12.1, 13.4, 11.8, 14.2, 15.0, 12.9, 13.3, 16.1, 14.8, 13.9, 12.2, 15.5};
        double[] y = {11.0, 11.9, 12.5, 10.8, 12.0, 11.4, 13.1, 12.2, 11.7, 10.9, 12.8, 11.1};
        assertMatches(x, y, Alternative.GREATER, 129.5, 0.0004980743925835647, Method.ASYMPTOTIC);
        assertMatches(x, y, Alternative.LESS, 129.5, 0.9995950072612566, Method.ASYMPTOTIC);
    }

    @Test
    void equalSamplesGiveNoEvidence() {
        // SciPy: mannwhitneyu([2,2,2], [2,2,2,2], alternative='greater') -> statistic 6.0, pvalue 1.0
        MannWhitneyU.Result allTied = MannWhitneyU.test(new double[]{2, 2, 2}, new double[]{2, 2, 2, 2},
                Alternative.GREATER);
        assertThat(allTied.u1()).isEqualTo(6.0);
        assertThat(allTied.pValue()).isEqualTo(1.0);
        // the same values on both sides: U is exactly its mean n1·n2/2, so p sits just above one half
        double[] same = IntStream.range(0, 30).mapToDouble(i -> i * 1.5).toArray();
        MannWhitneyU.Result identical = MannWhitneyU.test(same, same, Alternative.GREATER);
        assertThat(identical.u1()).isEqualTo(450.0);
        assertThat(identical.pValue()).isGreaterThan(0.5).isLessThan(0.52);
    }

    @Test
    void theExactDistributionSumsToOneAndIsSymmetric() {
        // P(U >= 0) = 1; P(U >= u) + P(U >= n1*n2 - u + 1) = 1 by symmetry (no mass lost in the q-binomial)
        assertThat(MannWhitneyU.exactUpperTail(0, 8, 300)).isCloseTo(1.0, within(1e-12));
        for (int u = 1; u <= 40; u++) {
            assertThat(MannWhitneyU.exactUpperTail(u, 5, 8) + MannWhitneyU.exactUpperTail(40 - u + 1, 5, 8))
                    .isCloseTo(1.0, within(1e-12));
        }
        // n1 = n2 = 1: U is 0 or 1 with probability 1/2 each
        assertThat(MannWhitneyU.exactUpperTail(1, 1, 1)).isEqualTo(0.5);
    }

    @Test
    void emptyOrNonFiniteSamplesAreRefused() {
        assertThatThrownBy(() -> MannWhitneyU.test(new double[0], new double[]{1}, Alternative.GREATER))
                .hasMessageContaining("at least one value");
        assertThatThrownBy(() -> MannWhitneyU.test(new double[]{Double.NaN}, new double[]{1}, Alternative.GREATER))
                .hasMessageContaining("not a finite number");
    }
}
