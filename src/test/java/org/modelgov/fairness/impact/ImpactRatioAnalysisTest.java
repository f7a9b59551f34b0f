package org.modelgov.fairness.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.modelgov.fairness.Csv;
import org.modelgov.fairness.MetricsInputException;
import org.modelgov.fairness.config.AnalysisConfig;

/**
 * <pre>
 *  row sex race pred score
 *  1   F   A    1    0.9
 *  2   F   B    0    0.2
 *  3   M   A    1    0.7
 *  4   M   A    1    0.6
 *  5   M   B    0    0.1
 *  6   M   B    1    0.8
 *  7   F   A    0    0.3
 *  8   M   C    1    0.95   race C is 1/8 = 12.5 % of the sample, under min_share 0.2
 * </pre>
 */
class ImpactRatioAnalysisTest {

    static final String[] DATA = {"sex,race,pred,score", "F,A,1,0.9", "F,B,0,0.2", "M,A,1,0.7", "M,A,1,0.6", "M,B,0,0.1",
        "M,B,1,0.8", "F,A,0,0.3", "M,C,1,0.95"};

    static ImpactRatioReport analyse(String config) {
        return ImpactRatioAnalysis.run(Csv.of(DATA), AnalysisConfig.parse(config));
    }

    static CategoryRate rate(List<CategoryRate> table, String category) {
        return table.stream().filter(c -> c.category().equals(category)).findFirst().orElseThrow();
    }

    @Test
    void selectionRatesAndImpactRatiosPerCategory() {
        ImpactRatioReport report = analyse("""
                {"label": "pred", "label_values_or_threshold": [1], "predicted_label": "pred",
                 "impact_ratio": {"categories": ["sex", "race"], "min_share": 0.2}}""");
        // sex: F selected 1 of 3, M 4 of 5: IR F = (1/3) / (4/5)
        assertThat(rate(report.table("sex"), "F").rate()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(rate(report.table("sex"), "F").impactRatio()).isCloseTo((1.0 / 3) / 0.8, within(1e-15));
        assertThat(rate(report.table("sex"), "M").impactRatio()).isEqualTo(1.0);
        // race: A 3/4, B 1/3, C 1/1 but C is under the minimum share, so the highest rate is A's 3/4
        CategoryRate c = rate(report.table("race"), "C");
        assertThat(c.belowMinShare()).isTrue();
        assertThat(c.impactRatio()).isCloseTo(1 / 0.75, within(1e-15));
        assertThat(rate(report.table("race"), "B").impactRatio()).isCloseTo((1.0 / 3) / 0.75, within(1e-15));
        assertThat(rate(report.table("race"), "A").impactRatio()).isEqualTo(1.0);
    }

    @Test
    void intersectionsOfTwoCategoryColumns() {
        ImpactRatioReport report = analyse("""
                {"label": "pred", "label_values_or_threshold": [1], "predicted_label": "pred",
                 "impact_ratio": {"categories": ["sex", "race"], "min_share": 0.2}}""");
        List<CategoryRate> table = report.table("sex, race");
        assertThat(table).extracting(CategoryRate::category).containsExactly("F, A", "F, B", "M, A", "M, B", "M, C");
        // highest eligible rate: "M, A" 2/2; "F, A" 1/2 -> 0.5; "F, B" (1 row, 12.5 %) is flagged
        assertThat(rate(table, "F, A").impactRatio()).isCloseTo(0.5, within(1e-15));
        assertThat(rate(table, "F, B").belowMinShare()).isTrue();
        assertThat(rate(table, "M, B").share()).isCloseTo(0.25, within(1e-15));
    }

    @Test
    void scoringRateIsTheShareAboveTheSampleMedian() {
        // median of 0.1 0.2 0.3 0.6 0.7 0.8 0.9 0.95 = (0.6 + 0.7) / 2 = 0.65; above: rows 1, 3, 6, 8
        ImpactRatioReport report = analyse("""
                {"label": "pred", "label_values_or_threshold": [1], "score": "score", "impact_ratio": {"categories": ["sex"]}}""");
        assertThat(report.medianScore()).isCloseTo(0.65, within(1e-15));
        assertThat(rate(report.table("sex"), "F").rate()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(rate(report.table("sex"), "M").rate()).isCloseTo(3.0 / 5, within(1e-15));
        assertThat(rate(report.table("sex"), "F").impactRatio()).isCloseTo(5.0 / 9, within(1e-15));
        assertThat(report.toJson()).contains("\"scoring_rate\"");
    }

    @Test
    void needsCategoriesAndASelection() {
        assertThatThrownBy(() -> analyse("{\"label\": \"pred\", \"predicted_label\": \"pred\"}"))
                .isInstanceOf(MetricsInputException.class).hasMessageContaining("impact_ratio");
        assertThatThrownBy(() -> analyse("{\"label\": \"pred\", \"impact_ratio\": {\"categories\": [\"a\", \"b\", \"c\"]}}"))
                .isInstanceOf(MetricsInputException.class).hasMessageContaining("one or two category columns");
    }
}
