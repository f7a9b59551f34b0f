package org.modelgov.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/security-posture.dmn: how a missing control counts per tier. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityPostureDecisionTest {

    private final DecisionTables table = new DecisionTables("security-posture.dmn", "SecurityPosture");

    @ParameterizedTest(name = "{0} without {1} -> {2}")
    @CsvSource({
            "HIGH,   ENCRYPTION_AT_REST,         FAIL",
            "HIGH,   NETWORK_ISOLATION,          FAIL",
            "HIGH,   DATA_CAPTURE,               FAIL",
            "HIGH,   INTER_CONTAINER_ENCRYPTION, FAIL",
            "MEDIUM, ENCRYPTION_AT_REST,         FAIL",
            "MEDIUM, NETWORK_ISOLATION,          WARN",
            "MEDIUM, DATA_CAPTURE,               WARN",
            "MEDIUM, INTER_CONTAINER_ENCRYPTION, WARN",
            "LOW,    ENCRYPTION_AT_REST,         WARN",
            "LOW,    NETWORK_ISOLATION,          ''",
            "LOW,    DATA_CAPTURE,               ''",
            "LOW,    INTER_CONTAINER_ENCRYPTION, ''"})
    void missingControlsCountByTier(String tier, String control, String level) {
        var result = table.evaluate(Map.of("riskTier", tier, "control", control));
        if (level.isEmpty()) {
            assertThat(result.isEmpty()).as("not required").isTrue();
        } else {
            assertThat((String) result.getSingleEntry()).isEqualTo(level);
        }
    }

    @AfterAll
    void everyRuleWasExercised() {
        assertThat(table.matchedRules()).containsAll(table.allRuleIds());
    }
}
