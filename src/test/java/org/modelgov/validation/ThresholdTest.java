package org.modelgov.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The four comparisons of ValidationThresholds, at their edges. */
class ThresholdTest {

    @Test
    void comparisonsHoldAtTheirEdges() {
        assertThat(new Threshold(0.8, Threshold.Comparison.AT_LEAST, FindingLevel.FAIL).holds(0.8)).isTrue();
        assertThat(new Threshold(0.8, Threshold.Comparison.AT_LEAST, FindingLevel.FAIL).holds(0.79)).isFalse();
        assertThat(new Threshold(0.05, Threshold.Comparison.AT_MOST, FindingLevel.FAIL).holds(0.05)).isTrue();
        assertThat(new Threshold(0.05, Threshold.Comparison.AT_MOST, FindingLevel.FAIL).holds(0.051)).isFalse();
        assertThat(new Threshold(0.1, Threshold.Comparison.ABS_AT_MOST, FindingLevel.FAIL).holds(-0.1)).isTrue();
        assertThat(new Threshold(0.1, Threshold.Comparison.ABS_AT_MOST, FindingLevel.FAIL).holds(-0.11)).isFalse();
        assertThat(new Threshold(0.2, Threshold.Comparison.BELOW, FindingLevel.FAIL).holds(0.19)).isTrue();
        assertThat(new Threshold(0.2, Threshold.Comparison.BELOW, FindingLevel.FAIL).holds(0.2)).isFalse();
        assertThat(new Threshold(0.8, Threshold.Comparison.AT_LEAST, FindingLevel.FAIL).holds(Double.POSITIVE_INFINITY))
                .isTrue();
    }
}
