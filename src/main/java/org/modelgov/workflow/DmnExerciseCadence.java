package org.modelgov.workflow;

import java.time.Period;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.DecisionService;
import org.modelgov.exercise.ExerciseCadence;
import org.modelgov.inventory.RiskTier;
import org.springframework.stereotype.Component;

/** The exercise cadence port on the deployed DMN table ExerciseCadence (policy as data, editable in Modeler). */
@Component
class DmnExerciseCadence implements ExerciseCadence {

    private final DecisionService decisions;

    DmnExerciseCadence(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public Optional<Period> cadence(RiskTier tier) {
        if (tier == RiskTier.UNASSESSED || tier == RiskTier.PROHIBITED) {
            return Optional.empty();
        }
        Map<String, Object> rule = decisions.evaluateDecisionTableByKey("ExerciseCadence",
                Map.of("riskTier", tier.name())).getSingleResult();
        Object interval = rule == null ? null : rule.get("exerciseInterval");
        if (interval == null || "NONE".equals(interval)) {
            return Optional.empty();
        }
        return Optional.of(Period.parse((String) interval));
    }
}
