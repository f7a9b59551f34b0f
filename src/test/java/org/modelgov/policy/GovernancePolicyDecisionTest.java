package org.modelgov.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/governance-policy.dmn: sign-offs, task deadlines, failed rounds, explainability. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GovernancePolicyDecisionTest {

    private final DecisionTables table = new DecisionTables("governance-policy.dmn", "GovernancePolicy");

    @ParameterizedTest(name = "{0} -> {1} sign-offs, chase after {2}, {3} rounds, explainability {4}")
    @CsvSource({
            "UNASSESSED, 1, P5D,  3, false",
            "LOW,        1, P10D, 3, false",
            "MEDIUM,     1, P5D,  3, false",
            "HIGH,       2, P3D,  3, true"})
    void eachTierHasItsRules(String tier, int approvals, String deadline, int rounds, boolean explainability) {
        assertThat(table.evaluate(Map.of("riskTier", tier)).getSingleResult().getEntryMap()).isEqualTo(Map.of(
                "requiredApprovals", approvals, "taskDeadline", deadline, "maxFailedValidationRounds", rounds,
                "explainabilityRequired", explainability));
    }

    @Test
    void aProhibitedModelHasNoPolicy() {
        assertThat(table.evaluate(Map.of("riskTier", "PROHIBITED")).isEmpty()).isTrue();
    }

    @AfterAll
    void everyRuleWasExercised() {
        assertThat(table.matchedRules()).containsAll(table.allRuleIds());
    }
}
