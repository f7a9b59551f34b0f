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

/** Every rule of processes/risk-tier.dmn: the questionnaire decides the tier and says why. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskTierDecisionTest {

    private final DecisionTables table = new DecisionTables("risk-tier.dmn", "RiskTier");

    private Map<String, Object> answers(boolean prohibited, String area, boolean aboutIndividuals,
                                        String oversight, String personalData, String scale) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("prohibitedPractice", prohibited);
        inputs.put("useArea", area);
        inputs.put("decidesAboutIndividuals", aboutIndividuals);
        inputs.put("humanOversight", oversight);
        inputs.put("personalData", personalData);
        inputs.put("scale", scale);
        return inputs;
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} {4} {5} -> {6}")
    @CsvSource({
            // prohibited practices end everything, whatever else is answered
            "true,  OTHER,                   false, HUMAN_DECIDES,   NONE,             SMALL,  PROHIBITED, Art. 5",
            "true,  EMPLOYMENT,              true,  FULLY_AUTOMATED, SPECIAL_CATEGORY, LARGE,  PROHIBITED, Art. 5",
            // every Annex III area is HIGH, even with a human deciding and no personal data
            "false, BIOMETRICS,              false, HUMAN_DECIDES,   NONE,             SMALL,  HIGH,       Annex III",
            "false, CRITICAL_INFRASTRUCTURE, false, HUMAN_DECIDES,   NONE,             SMALL,  HIGH,       Annex III",
            "false, EDUCATION,               true,  HUMAN_DECIDES,   PERSONAL,         SMALL,  HIGH,       Annex III",
            "false, EMPLOYMENT,              true,  HUMAN_REVIEWS,   PERSONAL,         MEDIUM, HIGH,       Annex III",
            "false, ESSENTIAL_SERVICES,      true,  HUMAN_DECIDES,   PERSONAL,         LARGE,  HIGH,       Annex III",
            "false, LAW_ENFORCEMENT,         false, HUMAN_DECIDES,   NONE,             SMALL,  HIGH,       Annex III",
            "false, MIGRATION,               false, HUMAN_DECIDES,   NONE,             SMALL,  HIGH,       Annex III",
            "false, JUSTICE_DEMOCRACY,       false, HUMAN_DECIDES,   NONE,             SMALL,  HIGH,       Annex III",
            // outside Annex III
            "false, OTHER,                   true,  FULLY_AUTOMATED, PERSONAL,         SMALL,  HIGH,       no human in the loop",
            "false, OTHER,                   false, FULLY_AUTOMATED, SPECIAL_CATEGORY, SMALL,  HIGH,       special-category",
            "false, OTHER,                   true,  HUMAN_REVIEWS,   PERSONAL,         SMALL,  MEDIUM,     human oversight",
            "false, OTHER,                   true,  HUMAN_DECIDES,   NONE,             SMALL,  MEDIUM,     human oversight",
            "false, OTHER,                   false, FULLY_AUTOMATED, PERSONAL,         LARGE,  MEDIUM,     many people",
            "false, OTHER,                   false, FULLY_AUTOMATED, PERSONAL,         MEDIUM, LOW,        No high",
            "false, OTHER,                   false, FULLY_AUTOMATED, NONE,             LARGE,  LOW,        No high",
    })
    void questionnaireDecidesTheTier(boolean prohibited, String area, boolean aboutIndividuals, String oversight,
                                     String personalData, String scale, String tier, String reasonPart) {
        var result = table.evaluate(answers(prohibited, area, aboutIndividuals, oversight, personalData, scale))
                .getSingleResult();
        assertThat((String) result.getEntry("riskTier")).isEqualTo(tier);
        assertThat((String) result.getEntry("riskTierReason")).contains(reasonPart);
    }

    @AfterAll
    void everyRuleWasExercised() {
        assertThat(table.matchedRules()).containsAll(table.allRuleIds());
    }
}
