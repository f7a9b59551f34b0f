package org.modelgov.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/personal-data-policy.dmn: what the owner declared against what the scan found. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataPolicyDecisionTest {

    private final DecisionTables table = new DecisionTables("personal-data-policy.dmn", "PersonalDataPolicy");

    @ParameterizedTest(name = "declared {0}, found {1} -> {2}")
    @CsvSource({
            "NONE,             NONE,             PASS, as the questionnaire declared",
            "NONE,             PERSONAL,         FAIL, declared none",
            "NONE,             SPECIAL_CATEGORY, FAIL, declared no personal data",
            "PERSONAL,         NONE,             PASS, cannot find every kind",
            "SPECIAL_CATEGORY, NONE,             PASS, cannot find every kind",
            "PERSONAL,         PERSONAL,         PASS, as the questionnaire declared",
            "SPECIAL_CATEGORY, PERSONAL,         PASS, as the questionnaire declared",
            "PERSONAL,         SPECIAL_CATEGORY, FAIL, declared only personal data",
            "SPECIAL_CATEGORY, SPECIAL_CATEGORY, WARN, Art. 9(2) ground"})
    void declaredAgainstFound(String declared, String found, String level, String reasonPart) {
        var result = table.evaluate(Map.of("declared", declared, "found", found)).getSingleResult();
        assertThat(result.getEntry("level").toString()).isEqualTo(level);
        assertThat(result.getEntry("reason").toString()).contains(reasonPart);
    }

    @AfterAll
    void everyRuleWasExercised() {
        assertThat(table.matchedRules()).containsAll(table.allRuleIds());
    }
}
