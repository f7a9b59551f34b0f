package org.modelgov.fairness.bias;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeDivisionTest {

    @Test
    void followsClarifysDivisionRule() {
        assertThat(SafeDivision.divide(0, 0)).isEqualTo(0.0);
        assertThat(SafeDivision.divide(3, 0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(SafeDivision.divide(-3, 0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(SafeDivision.divide(3, 4)).isEqualTo(0.75);
    }

    @Test
    void differenceOfTwoInfiniteRatesIsZero() {
        double inf = Double.POSITIVE_INFINITY;
        assertThat(SafeDivision.difference(inf, inf)).isEqualTo(0.0);
        assertThat(SafeDivision.difference(inf, 1)).isEqualTo(inf);
        assertThat(SafeDivision.difference(1, inf)).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
