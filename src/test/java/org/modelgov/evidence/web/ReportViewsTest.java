package org.modelgov.evidence.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.modelgov.inventory.RiskTier;
import org.modelgov.validation.FindingLevel;
import org.modelgov.validation.Threshold;
import org.modelgov.validation.ValidationPolicy;

class ReportViewsTest {

    /** Clarify's analysis.json form, as BiasReport writes it. */
    static final String BIAS = """
            {"version": "1.0", "post_training_bias_metrics": {"label": "y", "label_value_or_threshold": "1",
              "facets": {"sex": [{"value_or_threshold": "F", "metrics": [
                  {"name": "DI", "description": "Disparate Impact (DI)", "value": 0.375},
                  {"name": "DPPL", "description": "DPPL", "value": -0.05},
                  {"name": "AD", "description": "Accuracy Difference (AD)", "value": null, "error": "no rows"}]},
                {"value_or_threshold": "X<y>", "metrics": [{"name": "DI", "value": "Infinity"}]}]}}}""";

    /** The starting policy: DI at least 0.8 and |DPPL| at most 0.1 (FAIL for MEDIUM, WARN for LOW). */
    static final ValidationPolicy POLICY = new ValidationPolicy() {
        @Override
        public List<Threshold> thresholds(RiskTier tier, String metric) {
            FindingLevel level = tier == RiskTier.LOW ? FindingLevel.WARN : FindingLevel.FAIL;
            return switch (metric) {
                case "DI" -> List.of(new Threshold(0.8, Threshold.Comparison.AT_LEAST, level));
                case "DPPL" -> List.of(new Threshold(0.1, Threshold.Comparison.ABS_AT_MOST, level));
                default -> List.of();
            };
        }

        @Override
        public Optional<FindingLevel> securityControl(RiskTier tier, String control) {
            return Optional.empty();
        }

        @Override
        public GovernancePolicy governance(RiskTier tier) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void biasVerdictsFollowTheBoundsOfTheVersionsTier() {
        var charts = ReportViews.bias(ReportViews.parse(BIAS), new PolicyBounds(POLICY, RiskTier.MEDIUM));
        assertThat(charts).extracting(ReportViews.MetricChart::metric).containsExactly("DI", "DPPL", "AD");
        var di = charts.get(0);
        assertThat(di.rows()).extracting(ReportViews.MetricRow::verdict).containsExactly("fail", "pass");
        assertThat(di.rows().get(1).value()).isInfinite();
        assertThat(di.bounds()).isEqualTo("at least 0.8 (else FAIL)");
        assertThat(di.svg()).contains("data-value=\"0.8\"").contains("data-facet=\"sex = X&lt;y&gt;\"");
        var dppl = charts.get(1);
        assertThat(dppl.rows().get(0).verdict()).isEqualTo("pass");
        // within ±0.1: a line on each side of zero
        assertThat(dppl.svg()).contains("data-value=\"0.1\"").contains("data-value=\"-0.1\"");
        var ad = charts.get(2);
        assertThat(ad.rows().get(0).verdict()).isEqualTo("neutral");
        assertThat(ad.rows().get(0).error()).isEqualTo("no rows");

        var low = ReportViews.bias(ReportViews.parse(BIAS), new PolicyBounds(POLICY, RiskTier.LOW));
        assertThat(low.get(0).rows().get(0).verdict()).isEqualTo("warn");
    }

    @Test
    void withoutATierValuesAreShownWithoutAVerdictOrLines() {
        var charts = ReportViews.bias(ReportViews.parse(BIAS), new PolicyBounds(POLICY, null));
        assertThat(charts.get(0).rows()).extracting(ReportViews.MetricRow::verdict).containsOnly("neutral");
        assertThat(charts.get(0).svg()).doesNotContain("class=\"threshold");
        assertThat(charts.get(0).bounds()).isEqualTo("no bound in the policy");
    }

    @Test
    void driftFeaturesAreJudgedByThePsiBounds() {
        ValidationPolicy psi = new ValidationPolicy() {
            @Override
            public List<Threshold> thresholds(RiskTier tier, String metric) {
                return metric.equals("PSI") ? List.of(new Threshold(0.2, Threshold.Comparison.BELOW, FindingLevel.FAIL),
                        new Threshold(0.1, Threshold.Comparison.BELOW, FindingLevel.WARN)) : List.of();
            }

            @Override
            public Optional<FindingLevel> securityControl(RiskTier tier, String control) {
                return Optional.empty();
            }

            @Override
            public GovernancePolicy governance(RiskTier tier) {
                throw new UnsupportedOperationException();
            }
        };
        String json = """
                {"reference_rows": 10, "current_rows": 5, "features": [
                  {"name": "x", "type": "numeric", "psi": 0.05, "ks": 0.1, "bin_edges": [1, 2],
                   "reference_count": 10, "current_count": 5, "reference_missing": 0, "current_missing": 0},
                  {"name": "y", "type": "numeric", "psi": 0.15, "ks": 0.3, "bin_edges": [],
                   "reference_count": 9, "current_count": 5, "reference_missing": 1, "current_missing": 0},
                  {"name": "c", "type": "categorical", "psi": 0.9, "js": 0.4, "category_count": 3,
                   "reference_count": 10, "current_count": 5, "reference_missing": 0, "current_missing": 0}]}""";
        var drift = ReportViews.drift(ReportViews.parse(json), new PolicyBounds(psi, RiskTier.HIGH));
        assertThat(drift.features()).extracting(ReportViews.FeatureRow::verdict).containsExactly("pass", "warn", "fail");
        assertThat(drift.features().get(2).distance()).isEqualTo("JS 0.4");
        assertThat(drift.missingSvg()).contains("data-feature=\"y (reference)\" data-value=\"0.1\"");
        assertThat(drift.psiSvg()).contains("data-value=\"0.1\"").contains("data-value=\"0.2\"");
    }
}
