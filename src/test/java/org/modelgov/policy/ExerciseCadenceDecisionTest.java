package org.modelgov.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/exercise-cadence.dmn: HIGH quarterly, MEDIUM and LOW not scheduled. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExerciseCadenceDecisionTest {

    private final DecisionTables table = new DecisionTables("exercise-cadence.dmn", "ExerciseCadence");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"HIGH, P3M", "MEDIUM, NONE", "LOW, NONE"})
    void tierSetsTheExerciseInterval(String tier, String interval) {
        assertThat((String) table.evaluate(Map.of("riskTier", tier)).getSingleEntry()).isEqualTo(interval);
    }

    @Test
    void aProhibitedModelHasNoCadence() {
        assertThat(table.evaluate(Map.of("riskTier", "PROHIBITED")).isEmpty()).isTrue();
    }

    @AfterAll
    void everyRuleWasExercised() {
        assertThat(table.matchedRules()).containsAll(table.allRuleIds());
    }
}
