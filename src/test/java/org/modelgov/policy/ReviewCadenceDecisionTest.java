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

/** Every rule of processes/review-cadence.dmn: HIGH monthly, MEDIUM quarterly, LOW yearly. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewCadenceDecisionTest {

    private final DecisionTables table = new DecisionTables("review-cadence.dmn", "ReviewCadence");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"HIGH, P1M", "MEDIUM, P3M", "LOW, P12M"})
    void tierSetsTheReviewInterval(String tier, String interval) {
        assertThat((String) table.evaluate(Map.of("riskTier", tier)).getSingleEntry()).isEqualTo(interval);
    }

    @Test
    void aProhibitedModelHasNoReviewCadence() {
        assertThat(table.evaluate(Map.of("riskTier", "PROHIBITED")).isEmpty()).isTrue();
    }

    @AfterAll
    void everyRuleWasExercised() {
        assertThat(table.matchedRules()).containsAll(table.allRuleIds());
    }
}
