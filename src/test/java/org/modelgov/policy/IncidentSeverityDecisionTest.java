package org.modelgov.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of the three decisions in processes/incident-severity.dmn. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentSeverityDecisionTest {

    private final DecisionTables severity = new DecisionTables("incident-severity.dmn", "IncidentSeverity");
    private final DecisionTables targets = new DecisionTables("incident-severity.dmn", "ResponseTargets");
    private final DecisionTables deadlines = new DecisionTables("incident-severity.dmn", "ReportingDeadline");

    @ParameterizedTest(name = "{0} on a {1} model -> {2}, serious {3}")
    @CsvSource({
            "DATA_LEAK,               LOW,    SEV1, false",
            "SECURITY,                MEDIUM, SEV1, false",
            "HARMFUL_OUTPUT,          HIGH,   SEV1, true",
            "HARMFUL_OUTPUT,          LOW,    SEV2, false",
            "BIAS,                    HIGH,   SEV2, true",
            "OUTAGE,                  HIGH,   SEV2, false",
            "PERFORMANCE_DEGRADATION, HIGH,   SEV2, false",
            "DRIFT,                   HIGH,   SEV2, false",
            "DRIFT,                   MEDIUM, SEV3, false",
            "BIAS,                    LOW,    SEV3, false",
            "OUTAGE,                  LOW,    SEV3, false",
            "PERFORMANCE_DEGRADATION, LOW,    SEV4, false"})
    void incidentFactsSuggestASeverity(String type, String tier, String sev, boolean serious) {
        Map<String, Object> result = severity.evaluate(Map.of("incidentType", type, "riskTier", tier))
                .getFirstResult().getEntryMap();
        assertThat(result).isEqualTo(Map.of("severity", sev, "seriousSuggested", serious));
    }

    @ParameterizedTest(name = "{0} triaged within {1}")
    @CsvSource({"SEV1, PT15M", "SEV2, PT1H", "SEV3, PT4H", "SEV4, PT24H"})
    void eachSeverityHasATriageTarget(String sev, String within) {
        assertThat((String) targets.evaluate(Map.of("severity", sev)).getSingleEntry()).isEqualTo(within);
    }

    @ParameterizedTest(name = "{0} reported within {1}")
    @CsvSource({"WIDESPREAD_INFRINGEMENT, P2D", "CRITICAL_INFRASTRUCTURE, P2D", "DEATH, P10D", "OTHER, P15D"})
    void article73DeadlinesByKind(String kind, String within) {
        assertThat((String) deadlines.evaluate(Map.of("seriousKind", kind)).getSingleEntry()).isEqualTo(within);
    }

    @AfterAll
    void everyRuleWasExercised() {
        java.util.Set<String> matched = new java.util.HashSet<>(severity.matchedRules());
        matched.addAll(targets.matchedRules());
        matched.addAll(deadlines.matchedRules());
        assertThat(matched).containsAll(severity.allRuleIds());
    }
}
