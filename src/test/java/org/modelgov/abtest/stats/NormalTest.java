package org.modelgov.abtest.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * erfc and the normal tails against values computed independently, with Python 3.11's {@code math.erfc} (the C
 * library's erfc) and SciPy 1.17's {@code scipy.stats.norm.sf} / {@code norm.cdf}:
 * <pre>
 * import math; from scipy.stats import norm
 * for x in [...]: print(x, repr(math.erfc(x)))
 * for z in [...]: print(z, repr(norm.sf(z)), repr(norm.cdf(z)))
 * </pre>
 */
class NormalTest {

    @ParameterizedTest(name = "erfc({0}) = {1}")
    @CsvSource({
            "0.0, 1.0",
            "1e-10, 0.999999999887162",
            "0.3, 0.6713732405408726",
            "0.5, 0.4795001221869535",
            "1.0, 0.15729920705028513",
            // either side of the switch from the series to the continued fraction (x² = 1.5)
            "1.2247, 0.08327581479808639",
            "1.2248, 0.08325063757190905",
            "2.0, 0.004677734981047265",
            "3.5, 7.430983723414128e-07",
            "5.0, 1.5374597944280351e-12",
            "10.0, 2.088487583762545e-45",
            "26.0, 5.663192408856143e-296",
            "-0.7, 1.6778011938374184",
            "-3.0, 1.9999779095030015"})
    void erfcMatchesTheCLibraryToDoublePrecision(double x, double expected) {
        // 5e-15 relative (1 − P just below x² = 1.5 loses a digit); the far tail carries the rounding of x² in its
        // exponent (about 1e-13 at x = 26)
        double tolerance = x > 5 ? 1e-13 : 5e-15;
        assertThat(Normal.erfc(x)).isCloseTo(expected, within(Math.abs(expected) * tolerance));
    }

    @ParameterizedTest(name = "sf({0}) = {1}, cdf = {2}")
    @CsvSource({
            "0.0, 0.5, 0.5",
            "1.6448536269514722, 0.050000000000000044, 0.95",
            "1.959963984540054, 0.025, 0.975",
            "3.0, 0.0013498980316300933, 0.9986501019683699",
            "8.0, 6.22096057427174e-16, 0.9999999999999993",
            "20.0, 2.7536241186061556e-89, 1.0",
            "37.0, 5.7255712225239266e-300, 1.0",
            "-2.0, 0.9772498680518208, 0.022750131948179195"})
    void theNormalTailsMatchSciPy(double z, double sf, double cdf) {
        // the far tail's exponent (z²/2 ≈ 684 at z = 37) is a sum whose last unit is about 1e-13 of the result
        assertThat(Normal.sf(z)).isCloseTo(sf, within(sf * (z > 10 ? 2e-13 : 1e-14)));
        assertThat(Normal.cdf(z)).isCloseTo(cdf, within(1e-15));
    }

    @Test
    void beyondTheDoubleRangeTheTailIsZeroAndNaNStaysNaN() {
        assertThat(Normal.sf(40)).isZero();
        assertThat(Normal.cdf(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(Normal.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Normal.erfc(Double.NaN)).isNaN();
    }
}
