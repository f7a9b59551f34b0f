package org.modelgov.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/validation-thresholds.dmn, with the starting values of DESIGN.md. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidationThresholdsDecisionTest {

    private final DecisionTables table = new DecisionTables("validation-thresholds.dmn", "ValidationThresholds");

    private List<Map<String, Object>> bounds(String tier, String metric) {
        return table.evaluate(Map.of("riskTier", tier, "metric", metric)).getResultList();
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3} {4}")
    @CsvSource({
            "HIGH,   DI,               0.8,  AT_LEAST,    FAIL",
            "MEDIUM, DI,               0.8,  AT_LEAST,    FAIL",
            "LOW,    DI,               0.8,  AT_LEAST,    WARN",
            "HIGH,   DPPL,             0.1,  ABS_AT_MOST, FAIL",
            "MEDIUM, DPPL,             0.1,  ABS_AT_MOST, FAIL",
            "LOW,    DPPL,             0.1,  ABS_AT_MOST, WARN",
            "HIGH,   PERFORMANCE_DROP, 0.05, AT_MOST,     FAIL",
            "MEDIUM, PERFORMANCE_DROP, 0.10, AT_MOST,     FAIL",
            "LOW,    PERFORMANCE_DROP, 0.10, AT_MOST,     WARN",
    })
    void oneBoundPerTierAndMetric(String tier, String metric, double bound, String comparison, String level) {
        assertThat(bounds(tier, metric)).containsExactly(
                Map.of("bound", bound, "comparison", comparison, "level", level));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"HIGH", "MEDIUM", "LOW"})
    void driftBreachesAt0point2AndWarnsAt0point1ForEveryTier(String tier) {
        assertThat(bounds(tier, "PSI")).containsExactlyInAnyOrder(
                Map.of("bound", 0.2, "comparison", "BELOW", "level", "FAIL"),
                Map.of("bound", 0.1, "comparison", "BELOW", "level", "WARN"));
    }

    @Test
    void anUnknownMetricHasNoBound() {
        assertThat(bounds("HIGH", "ACCURACY")).isEmpty();
    }

    @AfterAll
    void everyRuleWasExercised() {
        assertThat(table.matchedRules()).containsAll(table.allRuleIds());
    }
}
