package org.modelgov.workflow;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The model a process instance governs and the risk tier it is governed at, for notifications: an incident's
 * business key is the incident id, so its {@code modelId} variable names the model; a lifecycle's {@code riskTier}
 * variable is the tier recorded for its version (UNASSESSED until the assessment, carried as none).
 */
record GovernedModel(String modelId, String riskTier) {

    static GovernedModel of(VariableScope scope, String businessKey) {
        String modelId = scope.getVariable("modelId") instanceof String id && !id.isBlank()
                ? id : TaskCreatedNotifier.modelIdOf(businessKey);
        String tier = scope.getVariable("riskTier") instanceof String t && !t.isBlank() && !"UNASSESSED".equals(t)
                ? t : null;
        return new GovernedModel(modelId, tier);
    }
}
