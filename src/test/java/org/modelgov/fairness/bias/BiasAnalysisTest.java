package org.modelgov.fairness.bias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.modelgov.fairness.Csv;
import org.modelgov.fairness.MetricsInputException;
import org.modelgov.fairness.config.AnalysisConfig;

/**
 * Every bias metric on a 10-row data set worked out by hand.
 *
 * <pre>
 *  x     sex g  y ŷ      a = M (6 rows): TP=2 (rows 1,2) FN=1 (3) FP=1 (4) TN=2 (5,6)
 *  1.0   M   x  1 1      d = F (4 rows): TP=1 (7)   FP=1 (8) TN=2 (9,10) FN=0
 *  2.0   M   x  1 1
 *  3.0   M   y  1 0      n_a=6 n_d=4; n_a^(1)=3 n_d^(1)=1; n̂_a^(1)=3 n̂_d^(1)=2
 *  10.0  M   y  0 1      n_a^(0)=3 n_d^(0)=3; n̂_a^(0)=3 n̂_d^(0)=2
 *  11.0  M   x  0 0
 *  12.0  M   y  0 0
 *  1.1   F   x  1 1
 *  11.2  F   y  0 1
 *  2.1   F   y  0 0
 *  9.9   F   x  0 0
 * </pre>
 */
class BiasAnalysisTest {

    static final String[] DATA = {
        "x,sex,g,y,yhat",
        "1.0,M,x,1,1", "2.0,M,x,1,1", "3.0,M,y,1,0", "10.0,M,y,0,1", "11.0,M,x,0,0", "12.0,M,y,0,0",
        "1.1,F,x,1,1", "11.2,F,y,0,1", "2.1,F,y,0,0", "9.9,F,x,0,0"};

    static final String CONFIG = """
            {"label": "y", "label_values_or_threshold": [1], "predicted_label": "yhat", "group_variable": "g",
             "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}],
             "methods": {"pre_training_bias": {"methods": "all"}, "post_training_bias": {"methods": "all"}}}""";

    static BiasReport analyse(String config, String... csv) {
        return BiasAnalysis.run(Csv.of(csv), AnalysisConfig.parse(config));
    }

    static double value(StageReport stage, String facet, String selection, String metric) {
        return stage.facet(facet, selection).metric(metric).value();
    }

    @Test
    void preTrainingMetricsMatchHandCalculation() {
        StageReport pre = analyse(CONFIG, DATA).preTraining();
        // CI = (6 - 4) / 10
        assertThat(value(pre, "sex", "F", "CI")).isCloseTo(0.2, within(1e-15));
        // DPL = 3/6 - 1/4
        assertThat(value(pre, "sex", "F", "DPL")).isCloseTo(0.25, within(1e-15));
        // P_a = (0.5, 0.5), P_d = (0.75, 0.25): KL = ½ ln(0.5/0.75) + ½ ln(0.5/0.25) = ½ ln(4/3)
        assertThat(value(pre, "sex", "F", "KL")).isCloseTo(0.5 * Math.log(4.0 / 3), within(1e-15));
        // P = (0.625, 0.375): JS = ½ [½ ln 0.8 + ½ ln(4/3) + 0.75 ln 1.2 + 0.25 ln(2/3)] = 0.03382207556861
        assertThat(value(pre, "sex", "F", "JS")).isCloseTo(0.03382207556861, within(1e-13));
        // LP = √(0.25² + 0.25²), TVD = ½ (0.25 + 0.25), KS = max(0.25, 0.25)
        assertThat(value(pre, "sex", "F", "LP")).isCloseTo(0.25 * Math.sqrt(2), within(1e-15));
        assertThat(value(pre, "sex", "F", "TVD")).isCloseTo(0.25, within(1e-15));
        assertThat(value(pre, "sex", "F", "KS")).isCloseTo(0.25, within(1e-15));
        // group x (rows 1,2,5,7,10): A = 1/3 (row 7 of positives 1,2,7), D = 1/2 (row 10 of negatives 5,10) -> 1/6
        // group y (rows 3,4,6,8,9): A = 0/1, D = 2/4 -> 1/2;  CDDL = (5·1/6 + 5·1/2) / 10 = 1/3
        assertThat(value(pre, "sex", "F", "CDDL")).isCloseTo(1.0 / 3, within(1e-15));
    }

    @Test
    void postTrainingMetricsMatchHandCalculation() {
        StageReport post = analyse(CONFIG, DATA).postTraining();
        assertThat(value(post, "sex", "F", "DPPL")).isCloseTo(0.0, within(1e-15)); // 3/6 - 2/4
        assertThat(value(post, "sex", "F", "DI")).isCloseTo(1.0, within(1e-15)); // (2/4) / (3/6)
        assertThat(value(post, "sex", "F", "DCA")).isCloseTo(0.5, within(1e-15)); // 3/3 - 1/2
        assertThat(value(post, "sex", "F", "DCR")).isCloseTo(0.5, within(1e-15)); // 3/2 - 3/3
        assertThat(value(post, "sex", "F", "RD")).isCloseTo(-1.0 / 3, within(1e-15)); // 2/3 - 1/1
        assertThat(value(post, "sex", "F", "SD")).isCloseTo(0.0, within(1e-15)); // 2/3 - 2/3
        assertThat(value(post, "sex", "F", "DAR")).isCloseTo(1.0 / 6, within(1e-15)); // 2/3 - 1/2
        assertThat(value(post, "sex", "F", "DRR")).isCloseTo(1.0 / 3, within(1e-15)); // 2/2 - 2/3
        assertThat(value(post, "sex", "F", "AD")).isCloseTo(-1.0 / 12, within(1e-15)); // 4/6 - 3/4
        assertThat(value(post, "sex", "F", "TE")).isCloseTo(-1.0, within(1e-15)); // 0/1 - 1/1
        // predictions: group x A = 1/3, D = 1/2 -> 1/6; group y A = 1/2, D = 1/3 -> -1/6; CDDPL = 0
        assertThat(value(post, "sex", "F", "CDDPL")).isCloseTo(0.0, within(1e-15));
        // b = ŷ - y + 1 = 1,1,0,2,1,1,1,2,1,1: μ = 11/10 = 1.1, Σ b² = 7·1 + 2·4 = 15, GE = (15/1.21 - 10) / 20
        assertThat(value(post, "sex", "F", "GE")).isCloseTo((15 / 1.21 - 10) / 20, within(1e-15));
        // 1-NN on x among the 6 M rows (n_a ≤ 9): row 8 (ŷ=1) -> 11.0 (ŷ=0): FT⁺; row 9 (ŷ=0) -> 2.0 (ŷ=1)
        // and row 10 (ŷ=0) -> 10.0 (ŷ=1): FT⁻ twice; row 7 -> 1.0 agrees. FT = (1 - 2) / 4
        assertThat(value(post, "sex", "F", "FT")).isCloseTo(-0.25, within(1e-15));
    }

    @Test
    void metricsAreSortedByNameAndLabelledAsInClarify() {
        BiasReport report = analyse(CONFIG, DATA);
        assertThat(report.preTraining().facet("sex", "F").metrics()).extracting(MetricResult::name)
                .containsExactly("CDDL", "CI", "DPL", "JS", "KL", "KS", "LP", "TVD");
        assertThat(report.postTraining().facet("sex", "F").metrics()).extracting(MetricResult::name)
                .containsExactly("AD", "CDDPL", "DAR", "DCA", "DCR", "DI", "DPPL", "DRR", "FT", "GE", "RD", "SD", "TE");
        assertThat(report.preTraining().label()).isEqualTo("y");
        assertThat(report.preTraining().labelValueOrThreshold()).isEqualTo("1");
        assertThat(report.preTraining().facet("sex", "F").metric("CI").description()).isEqualTo("Class Imbalance (CI)");
    }

    @Test
    void singleNumberOnAColumnWithManyValuesIsAThreshold() {
        // d = x > 10: rows 11.0, 12.0, 11.2 (n_d = 3, n_a = 7): CI = (7 - 3) / 10
        String config = """
                {"label": "y", "label_values_or_threshold": [1], "facet": [{"name_or_index": "x", "value_or_threshold": [10]}],
                 "methods": {"pre_training_bias": {"methods": ["CI", "DPL"]}}}""";
        StageReport pre = analyse(config, DATA).preTraining();
        FacetResult facet = pre.facets().get("x").get(0);
        assertThat(facet.valueOrThreshold()).isEqualTo("(10.0, 12.0]");
        assertThat(facet.metric("CI").value()).isCloseTo(0.4, within(1e-15));
        // n_a^(1) = 4 of 7 (rows 1,2,3,7), n_d^(1) = 0 of 3
        assertThat(facet.metric("DPL").value()).isCloseTo(4.0 / 7, within(1e-15));
    }

    @Test
    void singleNumberOnABinaryColumnIsAValue() {
        // facet y == 1 (4 rows) rather than y > 1 (none)
        String config = """
                {"label": "yhat", "label_values_or_threshold": [1], "facet": [{"name_or_index": "y", "value_or_threshold": [1]}],
                 "methods": {"pre_training_bias": {"methods": ["CI"]}}}""";
        FacetResult facet = analyse(config, DATA).preTraining().facets().get("y").get(0);
        assertThat(facet.valueOrThreshold()).isEqualTo("1");
        assertThat(facet.metric("CI").value()).isCloseTo((6 - 4) / 10.0, within(1e-15));
    }

    @Test
    void explicitTypeOverridesTheRule() {
        // "categorical": x == 10 is one row; CI = (9 - 1) / 10
        String config = """
                {"label": "y", "label_values_or_threshold": [1],
                 "facet": [{"name_or_index": "x", "value_or_threshold": [10], "type": "categorical"}],
                 "methods": {"pre_training_bias": {"methods": ["CI"]}}}""";
        assertThat(analyse(config, DATA).preTraining().facets().get("x").get(0).metric("CI").value())
                .isCloseTo(0.8, within(1e-15));
    }

    @Test
    void labelThresholdMakesLargerValuesPositive() {
        // label x > 5: positives 10.0, 11.0, 12.0 (a), 11.2, 9.9 (d): DPL = 3/6 - 2/4
        String config = """
                {"label": "x", "label_values_or_threshold": [5], "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}],
                 "methods": {"pre_training_bias": {"methods": ["DPL"]}}}""";
        StageReport pre = analyse(config, DATA).preTraining();
        assertThat(pre.labelValueOrThreshold()).isEqualTo("(5.0, 12.0]");
        assertThat(pre.facet("sex", "F").metric("DPL").value()).isCloseTo(0.0, within(1e-15));
    }

    @Test
    void noValuesMeansOneVersusAllInOrderOfFirstAppearance() {
        String config = """
                {"label": "y", "label_values_or_threshold": [1], "facet": [{"name_or_index": "g"}],
                 "methods": {"pre_training_bias": {"methods": ["CI"]}}}""";
        StageReport pre = analyse(config, DATA).preTraining();
        assertThat(pre.facets().get("g")).extracting(FacetResult::valueOrThreshold).containsExactly("x", "y");
        assertThat(pre.facet("g", "x").metric("CI").value()).isCloseTo(0.0, within(1e-15)); // 5 vs 5
    }

    @Test
    void severalValuesFormOneFacet() {
        String config = """
                {"label": "y", "label_values_or_threshold": [1], "facet": [{"name_or_index": "x", "value_or_threshold": [1.0, 2, "3.0"]}],
                 "methods": {"pre_training_bias": {"methods": ["CI"]}}}""";
        FacetResult facet = analyse(config, DATA).preTraining().facets().get("x").get(0);
        assertThat(facet.valueOrThreshold()).isEqualTo("1.0,2,3.0");
        assertThat(facet.metric("CI").value()).isCloseTo((7 - 3) / 10.0, within(1e-15));
    }

    @Test
    void divisionByZeroGivesInfinityAndInfinityMinusInfinityGivesZero() {
        // a: no FP; d: no FP -> TE: FN/FP both x/0 = +∞ and ∞ - ∞ = 0 by Clarify's rule
        // DCA: c_a = 1/0 (a has a positive label but no positive prediction) = +∞, c_d = 1/1 -> +∞
        String[] data = {"sex,y,yhat", "M,1,0", "M,0,0", "F,1,1", "F,1,0", "F,0,0"};
        String config = """
                {"label": "y", "label_values_or_threshold": [1], "predicted_label": "yhat",
                 "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}],
                 "methods": {"post_training_bias": {"methods": ["TE", "DCA", "DI"]}}}""";
        FacetResult facet = analyse(config, data).postTraining().facet("sex", "F");
        assertThat(facet.metric("TE").value()).isEqualTo(0.0);
        assertThat(facet.metric("DCA").value()).isEqualTo(Double.POSITIVE_INFINITY);
        // DI = q̂_d / q̂_a = (1/3) / 0 = +∞
        assertThat(facet.metric("DI").value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(analyse(config, data).toJson()).contains("\"value\" : \"Infinity\"").doesNotContain("NaN");
    }

    @Test
    void negativeInfinityIsWrittenAsAString() {
        // DCA = c_a - c_d with c_a = 1/1, c_d = 1/0 = +∞ -> -∞
        String[] data = {"sex,y,yhat", "M,1,1", "M,0,0", "F,1,0", "F,0,0"};
        String config = """
                {"label": "y", "label_values_or_threshold": [1], "predicted_label": "yhat",
                 "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}],
                 "methods": {"post_training_bias": {"methods": ["DCA"]}}}""";
        BiasReport report = analyse(config, data);
        assertThat(report.postTraining().facet("sex", "F").metric("DCA").value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(report.toJson()).contains("\"value\" : \"-Infinity\"");
    }

    @Test
    void zeroOverZeroIsZero() {
        // no positive predictions anywhere: DAR = 0/0 - 0/0 = 0; DI = 0 / 0 = 0
        String[] data = {"sex,y,yhat", "M,1,0", "M,0,0", "F,1,0", "F,0,0"};
        String config = """
                {"label": "y", "label_values_or_threshold": [1], "predicted_label": "yhat",
                 "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}],
                 "methods": {"post_training_bias": {"methods": ["DAR", "DI"]}}}""";
        FacetResult facet = analyse(config, data).postTraining().facet("sex", "F");
        assertThat(facet.metric("DAR").value()).isEqualTo(0.0);
        assertThat(facet.metric("DI").value()).isEqualTo(0.0);
    }

    @Test
    void divergencesUseOnlyLabelValuesPresentInBothFacets() {
        // a: labels 1,0 -> P_a = (½, ½); d: labels 1,1 -> P_d = (0, 1). Only "true" is common:
        // KL = ½ ln(½ / 1), LP = |½ - 1|, TVD = ½ |½ - 1|, KS = ½
        String[] data = {"sex,y", "M,1", "M,0", "F,1", "F,1"};
        String config = """
                {"label": "y", "label_values_or_threshold": [1], "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}]}""";
        FacetResult facet = analyse(config, data).preTraining().facet("sex", "F");
        assertThat(facet.metric("KL").value()).isCloseTo(0.5 * Math.log(0.5), within(1e-15));
        assertThat(facet.metric("LP").value()).isCloseTo(0.5, within(1e-15));
        assertThat(facet.metric("TVD").value()).isCloseTo(0.25, within(1e-15));
        assertThat(facet.metric("KS").value()).isCloseTo(0.5, within(1e-15));
        // P = (0.75): JS = ½ [½ ln(½/0.75) + 1 ln(1/0.75)]
        assertThat(facet.metric("JS").value()).isCloseTo(0.5 * (0.5 * Math.log(0.5 / 0.75) + Math.log(1 / 0.75)), within(1e-15));
    }

    @Test
    void metricsThatCannotBeComputedHaveNullValueAndErrorWhileOthersAreComputed() {
        // a all positive, d all negative: no label value common to both facets; no group variable for CDDL
        String[] data = {"sex,y", "M,1", "M,1", "F,0"};
        String config = """
                {"label": "y", "label_values_or_threshold": [1], "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}]}""";
        BiasReport report = analyse(config, data);
        FacetResult facet = report.preTraining().facet("sex", "F");
        assertThat(facet.metric("KL").value()).isNull();
        assertThat(facet.metric("KL").error()).isEqualTo("No instance of common facet found, dataset may be too small");
        assertThat(facet.metric("CDDL").error()).isEqualTo("Group variable is empty or not provided");
        assertThat(facet.metric("CI").value()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(report.toJson()).contains("\"value\" : null", "\"error\" : \"Group variable is empty or not provided\"");
    }

    @Test
    void emptySideOfAThresholdIsAMetricError() {
        String config = """
                {"label": "y", "label_values_or_threshold": [1], "facet": [{"name_or_index": "x", "value_or_threshold": [100]}],
                 "methods": {"pre_training_bias": {"methods": ["CI", "DPL"]}}}""";
        FacetResult facet = analyse(config, DATA).preTraining().facets().get("x").get(0);
        assertThat(facet.metric("CI").error()).contains("facet set is empty");
        assertThat(facet.metric("DPL").error()).isEqualTo("Facet set is empty.");
    }

    @Test
    void generalizedEntropyFailsWhenEveryPredictionIsAFalseNegative() {
        String[] data = {"sex,y,yhat", "M,1,0", "F,1,0"};
        String config = """
                {"label": "y", "label_values_or_threshold": [1], "predicted_label": "yhat",
                 "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}], "methods": {"post_training_bias": {"methods": ["GE"]}}}""";
        assertThat(analyse(config, data).postTraining().facet("sex", "F").metric("GE").error()).startsWith("All predicted labels are false negatives");
    }

    @Test
    void conditionalDemographicDisparityNeedsBothLabelValues() {
        String[] data = {"sex,g,y", "M,a,1", "F,a,1"};
        String config = """
                {"label": "y", "label_values_or_threshold": [1], "group_variable": "g",
                 "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}], "methods": {"pre_training_bias": {"methods": ["CDDL"]}}}""";
        assertThat(analyse(config, data).preTraining().facet("sex", "F").metric("CDDL").error()).isEqualTo("No negative labels in set");
    }

    @Test
    void probabilityThresholdTurnsScoresIntoPredictions() {
        // scores > 0.5 are positive predictions: a: 1 of 2, d: 2 of 2 -> DPPL = ½ - 1
        String[] data = {"sex,y,p", "M,1,0.9", "M,0,0.5", "F,1,0.7", "F,0,0.51"};
        String config = """
                {"label": "y", "label_values_or_threshold": [1], "predicted_label": "p", "probability_threshold": 0.5,
                 "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}], "methods": {"post_training_bias": {"methods": ["DPPL"]}}}""";
        assertThat(analyse(config, data).postTraining().facet("sex", "F").metric("DPPL").value()).isCloseTo(-0.5, within(1e-15));
    }

    @Test
    void labelsWithoutConfiguredValuesMustBeBinary() {
        String config = """
                {"label": "y", "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}]}""";
        assertThat(analyse(config, "sex,y", "M,true", "F,0", "F,1").preTraining().labelValueOrThreshold()).isEqualTo("1");
        assertThatThrownBy(() -> analyse(config, "sex,y", "M,1", "F,2"))
                .isInstanceOf(MetricsInputException.class)
                .hasMessage("row 3, column 'y': the label is not binary (0/1 or true/false); "
                        + "set label_values_or_threshold to say which values are positive");
    }

    @Test
    void facetValueThatNeverOccursIsAnInputError() {
        String config = """
                {"label": "y", "label_values_or_threshold": [1], "facet": [{"name_or_index": "sex", "value_or_threshold": ["X"]}]}""";
        assertThatThrownBy(() -> analyse(config, DATA)).isInstanceOf(MetricsInputException.class)
                .hasMessage("column 'sex' (rows 2-11): facet value X never occurs");
    }

    @Test
    void missingColumnsAreNamed() {
        String config = """
                {"label": "outcome", "label_values_or_threshold": [1], "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}]}""";
        assertThatThrownBy(() -> analyse(config, DATA)).isInstanceOf(MetricsInputException.class)
                .hasMessage("row 1, column 'outcome': label column not found in the header's 5 columns");
    }

    @Test
    void nonNumericCellWhereAThresholdNeedsANumber() {
        String config = """
                {"label": "y", "label_values_or_threshold": [1],
                 "facet": [{"name_or_index": "x", "value_or_threshold": [5], "type": "continuous"}]}""";
        assertThatThrownBy(() -> analyse(config, "x,y", "1,1", "abc,0")).isInstanceOf(MetricsInputException.class)
                .hasMessage("row 3, column 'x': a number is needed but the cell holds text");
        assertThatThrownBy(() -> analyse(config, "x,y", "1,1", ",0")).isInstanceOf(MetricsInputException.class)
                .hasMessage("row 3, column 'x': a number is needed but the cell is empty");
    }

    @Test
    void raggedRowsAreRejected() {
        String config = """
                {"label": "y", "label_values_or_threshold": [1], "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}]}""";
        assertThatThrownBy(() -> analyse(config, "sex,y", "F,1", "M,0,extra")).isInstanceOf(MetricsInputException.class)
                .hasMessage("row 3: 3 fields but the header has 2 columns");
    }

    @Test
    void postTrainingWithoutPredictedLabelIsAConfigError() {
        String config = """
                {"label": "y", "label_values_or_threshold": [1], "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}],
                 "methods": {"post_training_bias": {"methods": ["DI"]}}}""";
        assertThatThrownBy(() -> analyse(config, DATA)).isInstanceOf(MetricsInputException.class)
                .hasMessageContaining("predicted_label");
    }

    @Test
    void flipTestUsesExplicitFeaturesWhenGiven() {
        String config = """
                {"label": "y", "label_values_or_threshold": [1], "predicted_label": "yhat", "flip_test_features": ["x"],
                 "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}], "methods": {"post_training_bias": {"methods": ["FT"]}}}""";
        assertThat(analyse(config, DATA).postTraining().facet("sex", "F").metric("FT").value()).isCloseTo(-0.25, within(1e-15));
        String textFeature = config.replace("[\"x\"]", "[\"g\"]");
        assertThatThrownBy(() -> analyse(textFeature, DATA)).isInstanceOf(MetricsInputException.class)
                .hasMessage("row 2, column 'g': flip test features must be numbers");
    }
}
