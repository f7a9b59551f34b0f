package org.modelgov.abtest.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The bootstrap against an independent re-implementation in Python: {@code java.util.Random}'s documented 48-bit
 * linear congruential generator and {@code nextInt(bound)} rejection loop written out from the Javadoc, the seed as
 * SHA-256 over big-endian sizes and IEEE values ({@code struct.pack('>iii', ...)}, {@code '>d'}), the interval by
 * NumPy's {@code np.percentile(d, 2.5)} / {@code (d, 97.5)}, the p-value as (1 + #{d ≤ 0}) / (B + 1):
 * <pre>
 * class JavaRandom:
 *     def __init__(self, seed): self.s = (seed ^ 0x5DEECE66D) &amp; MASK
 *     def next(self, bits): self.s = (self.s*0x5DEECE66D + 0xB) &amp; MASK; v = self.s &gt;&gt; (48-bits); ...signed int
 *     def nextInt(self, bound): ...as Random.nextInt(int)'s Javadoc
 * for b in range(B): d.append(mean(resample(cand)) - mean(resample(base)))   # candidate first, then baseline
 * </pre>
 */
class BootstrapMeanDifferenceTest {

    static final double[] CHAMPION = {0.61, 0.58, 0.63, 0.60, 0.59, 0.62, 0.64, 0.57, 0.60, 0.61};
    static final double[] CHALLENGER = {0.55, 0.57, 0.54, 0.58, 0.56, 0.53, 0.57, 0.55, 0.59, 0.54, 0.56};

    @Test
    void aClearlyLowerBusinessMetricHasAnIntervalBelowZeroAndMatchesTheReference() {
        BootstrapMeanDifference.Result lower = BootstrapMeanDifference.test(CHAMPION, CHALLENGER, false, 2000, 0.95);

        assertThat(lower.seed()).isEqualTo(-6403023874886566080L);
        assertThat(lower.difference()).isCloseTo(-0.04681818181818176, within(1e-15));
        assertThat(lower.lower()).isCloseTo(-0.06236363636363629, within(1e-12));
        assertThat(lower.upper()).isCloseTo(-0.03054545454545443, within(1e-12));
        // no resample out of 2,000 shows an increase: the smallest p-value 2,000 resamples can give
        assertThat(lower.pValue()).isEqualTo(1.0 / 2001);

        BootstrapMeanDifference.Result higher = BootstrapMeanDifference.test(CHAMPION, CHALLENGER, true, 2000, 0.95);
        assertThat(higher.lower()).isEqualTo(lower.lower());
        assertThat(higher.pValue()).isEqualTo(1.0);
    }

    @Test
    void equalSamplesGiveAnIntervalAroundZeroAndNoEvidence() {
        double[] same = {1, 2, 3, 4, 5};
        BootstrapMeanDifference.Result result = BootstrapMeanDifference.test(same, same, true, 1000, 0.90);

        assertThat(result.seed()).isEqualTo(-130189662506531447L);
        assertThat(result.difference()).isZero();
        assertThat(result.lower()).isCloseTo(-1.4000000000000004, within(1e-12));
        assertThat(result.upper()).isCloseTo(1.4, within(1e-12));
        assertThat(result.pValue()).isCloseTo(0.5334665334665335, within(1e-15));
    }

    @Test
    void theSameInputsAlwaysGiveTheSameResultAndOtherInputsAnotherSeed() {
        assertThat(BootstrapMeanDifference.test(CHAMPION, CHALLENGER, false, 500, 0.9))
                .isEqualTo(BootstrapMeanDifference.test(CHAMPION, CHALLENGER, false, 500, 0.9));
        assertThat(BootstrapMeanDifference.seed(CHAMPION, CHALLENGER, 500))
                .isNotEqualTo(BootstrapMeanDifference.seed(CHALLENGER, CHAMPION, 500));
    }

    @Test
    void aSingleValueOnEachSideIsItsOwnDifference() {
        BootstrapMeanDifference.Result result = BootstrapMeanDifference.test(new double[]{3}, new double[]{5}, true,
                100, 0.95);
        assertThat(result.lower()).isEqualTo(2.0);
        assertThat(result.upper()).isEqualTo(2.0);
        assertThat(result.pValue()).isEqualTo(1.0 / 101);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> BootstrapMeanDifference.test(new double[0], CHALLENGER, true, 100, 0.95))
                .hasMessageContaining("at least one value");
        assertThatThrownBy(() -> BootstrapMeanDifference.test(CHAMPION, CHALLENGER, true, 0, 0.95))
                .hasMessageContaining("resamples");
        assertThatThrownBy(() -> BootstrapMeanDifference.test(CHAMPION, CHALLENGER, true, 100, 1.0))
                .hasMessageContaining("confidence");
    }
}
