package org.modelgov.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/guardduty-severity.dmn, at and around each band's edges. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardDutySeverityDecisionTest {

    private final DecisionTables severity = new DecisionTables("guardduty-severity.dmn", "GuardDutySeverity");

    @ParameterizedTest(name = "GuardDuty {0} on a {1} model -> {2} ({3})")
    @CsvSource(nullValues = "none", value = {
            "10.0, LOW,    SEV1, Critical",
            "9.0,  none,   SEV1, Critical",
            "8.9,  HIGH,   SEV1, High",
            "7.0,  HIGH,   SEV1, High",
            "8.9,  MEDIUM, SEV2, High",
            "7.0,  none,   SEV2, High",
            "6.9,  HIGH,   SEV3, Medium",
            "4.0,  LOW,    SEV3, Medium",
            "3.9,  HIGH,   SEV4, Low",
            "1.0,  none,   SEV4, Low",
            "0.0,  MEDIUM, SEV4, Low"})
    void guardDutysSeveritySuggestsATriageSeverity(double findingSeverity, String tier, String sev, String band) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("findingSeverity", findingSeverity);
        inputs.put("riskTier", tier);

        Map<String, Object> result = severity.evaluate(inputs).getFirstResult().getEntryMap();

        assertThat(result).isEqualTo(Map.of("severity", sev, "band", band));
    }

    @AfterAll
    void everyRuleWasExercised() {
        assertThat(severity.matchedRules()).containsExactlyInAnyOrderElementsOf(severity.allRuleIds());
    }
}
