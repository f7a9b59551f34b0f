package org.modelgov.fairness.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.modelgov.fairness.Csv;
import org.modelgov.fairness.MetricsInputException;
import org.modelgov.fairness.config.AnalysisConfig;

/**
 * <pre>
 *  y pred score sex
 *  1 1    0.9   M    TP
 *  1 0    0.4   M    FN
 *  0 1    0.6   F    FP
 *  0 0    0.2   F    TN
 *  1 1    0.8   F    TP
 *  0 0    0.4   M    TN  (same score as the FN row: a tie)
 * </pre>
 */
class PerformanceAnalysisTest {

    static final String[] DATA = {"y,pred,score,sex", "1,1,0.9,M", "1,0,0.4,M", "0,1,0.6,F", "0,0,0.2,F", "1,1,0.8,F", "0,0,0.4,M"};
    static final String CONFIG = """
            {"label": "y", "label_values_or_threshold": [1], "predicted_label": "pred", "score": "score",
             "facet": [{"name_or_index": "sex", "value_or_threshold": ["F"]}]}""";

    static PerformanceReport analyse(String config, String... csv) {
        return PerformanceAnalysis.run(Csv.of(csv), AnalysisConfig.parse(config));
    }

    @Test
    void overallMetricsMatchHandCalculation() {
        PerformanceResult overall = analyse(CONFIG, DATA).overall();
        ClassificationMetrics c = overall.classification();
        assertThat(c).isEqualTo(new ClassificationMetrics(2, 1, 2, 1));
        assertThat(c.accuracy()).isCloseTo(4.0 / 6, within(1e-15));
        assertThat(c.precision()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(c.recall()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(c.specificity()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(c.f1()).isCloseTo(2.0 / 3, within(1e-15));
        // positives 0.9, 0.4, 0.8 vs negatives 0.6, 0.2, 0.4: 3 + 3 + (0 + 1 + ½) = 7.5 of 9 pairs
        assertThat(overall.aucRoc()).isCloseTo(7.5 / 9, within(1e-15));
        double logLoss = -(Math.log(0.9) + Math.log(0.4) + Math.log(0.4) + Math.log(0.8) + Math.log(0.8) + Math.log(0.6)) / 6;
        assertThat(overall.logLoss()).isCloseTo(logLoss, within(1e-15));
        // (0.1² + 0.6² + 0.6² + 0.2² + 0.2² + 0.4²) / 6
        assertThat(overall.brierScore()).isCloseTo(0.97 / 6, within(1e-15));
    }

    @Test
    void perFacetMetricsCoverTheFacetAndTheRest() {
        PerformanceReport.FacetPerformance female = analyse(CONFIG, DATA).facets().get("sex").get(0);
        assertThat(female.valueOrThreshold()).isEqualTo("F");
        // F rows: FP, TN, TP
        assertThat(female.facet().classification()).isEqualTo(new ClassificationMetrics(1, 1, 1, 0));
        assertThat(female.facet().classification().precision()).isCloseTo(0.5, within(1e-15));
        assertThat(female.facet().aucRoc()).isEqualTo(1.0); // 0.8 above 0.6 and 0.2
        // M rows: TP, FN, TN; positives 0.9, 0.4 vs negative 0.4 -> (1 + ½) / 2
        assertThat(female.rest().classification()).isEqualTo(new ClassificationMetrics(1, 0, 1, 1));
        assertThat(female.rest().aucRoc()).isCloseTo(0.75, within(1e-15));
    }

    @Test
    void predictionsComeFromTheScoreWhenThereIsNoPredictedLabel() {
        // score > 0.5: rows 1, 3, 5 predicted positive -> TP 2, FP 1, FN 1, TN 2
        String config = """
                {"label": "y", "label_values_or_threshold": [1], "score": "score"}""";
        assertThat(analyse(config, DATA).overall().classification()).isEqualTo(new ClassificationMetrics(2, 1, 2, 1));
    }

    @Test
    void aucIsUndefinedWithOneClass() {
        PerformanceResult overall = analyse(CONFIG, "y,pred,score,sex", "1,1,0.9,M", "1,0,0.2,F").overall();
        assertThat(overall.aucRoc()).isNull();
        assertThat(overall.aucRocError()).contains("Only one class");
        assertThat(analyse(CONFIG, "y,pred,score,sex", "1,1,0.9,M", "1,0,0.2,F").toJson()).contains("\"auc_roc\" : null");
    }

    @Test
    void logLossClipsCertainWrongScores() {
        PerformanceResult overall = analyse(CONFIG, "y,pred,score,sex", "1,1,0.0,M", "0,0,0.0,F").overall();
        assertThat(overall.logLoss()).isFinite().isCloseTo(-Math.log(Math.ulp(1.0)) / 2, within(1e-12));
    }

    @Test
    void scoresOutsideZeroToOneAreRejected() {
        assertThatThrownBy(() -> analyse(CONFIG, "y,pred,score,sex", "1,1,1.5,M")).isInstanceOf(MetricsInputException.class)
                .hasMessage("row 2, column 'score': the score is outside [0, 1]");
        assertThatThrownBy(() -> analyse(CONFIG, "y,pred,score,sex", "1,1,high,M")).isInstanceOf(MetricsInputException.class)
                .hasMessage("row 2, column 'score': a number is needed but the cell holds text");
    }

    @Test
    void needsAPredictionOrAScore() {
        assertThatThrownBy(() -> analyse("{\"label\": \"y\", \"label_values_or_threshold\": [1]}", DATA))
                .isInstanceOf(MetricsInputException.class).hasMessageContaining("predicted label or a score");
    }
}
