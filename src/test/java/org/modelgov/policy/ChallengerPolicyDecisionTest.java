package org.modelgov.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/challenger-policy.dmn: who needs an A/B stage, and how each tier is compared. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChallengerPolicyDecisionTest {

    private final DecisionTables table = new DecisionTables("challenger-policy.dmn", "ChallengerPolicy");

    @ParameterizedTest(name = "{0}, champion {1} -> required {2}, share {3}, window {4}, drop {5}")
    @CsvSource({
            "HIGH,   true,  true,  0.1, P7D,  0.05, 1000",
            "HIGH,   false, true,  0.1, P7D,  0.05, 1000",
            "MEDIUM, true,  true,  0.1, P3D,  0.10, 1000",
            "MEDIUM, false, false, 0.0, PT0S, 0.0,  0",
            "LOW,    true,  false, 0.0, PT0S, 0.0,  0",
            "LOW,    false, false, 0.0, PT0S, 0.0,  0"})
    void eachTierHasItsRule(String tier, boolean hasChampion, boolean required, double share, String window,
                            double maxDrop, long minInvocations) {
        Map<String, Object> rule = table.evaluate(Map.of("riskTier", tier, "hasChampion", hasChampion))
                .getFirstResult().getEntryMap();
        assertThat(rule.get("required")).isEqualTo(required);
        assertThat(((Number) rule.get("challengerShare")).doubleValue()).isEqualTo(share);
        assertThat(rule.get("observationWindow")).isEqualTo(window);
        assertThat(((Number) rule.get("maxRelativeDrop")).doubleValue()).isEqualTo(maxDrop);
        assertThat(((Number) rule.get("minInvocations")).longValue()).isEqualTo(minInvocations);
        assertThat((String) rule.get("reason")).isNotBlank();
        if (required) {
            assertThat(rule.get("metrics")).isEqualTo("Invocations,Invocation5XXErrors,ModelLatency,business:*");
            assertThat(((Number) rule.get("significance")).doubleValue()).isEqualTo(0.05);
        }
    }

    @Test
    void theSeedsFivePercentDropFailsAHighRiskModelAndMediumAllowsTen() {
        assertThat(table.evaluate(Map.of("riskTier", "HIGH", "hasChampion", true)).getFirstResult()
                .getEntry("reason").toString()).contains("5 %");
        assertThat(table.evaluate(Map.of("riskTier", "MEDIUM", "hasChampion", true)).getFirstResult()
                .getEntry("reason").toString()).contains("10 %");
    }

    @AfterAll
    void everyRuleWasExercised() {
        assertThat(table.matchedRules()).containsAll(table.allRuleIds());
    }
}
