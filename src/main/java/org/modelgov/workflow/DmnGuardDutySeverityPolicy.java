package org.modelgov.workflow;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.modelgov.incident.Severity;
import org.modelgov.incident.guardduty.GuardDutySeverityPolicy;
import org.modelgov.inventory.RiskTier;
import org.springframework.stereotype.Component;

/** The GuardDuty severity policy on the deployed GuardDutySeverity decision (processes/guardduty-severity.dmn). */
@Component
class DmnGuardDutySeverityPolicy implements GuardDutySeverityPolicy {

    private final DecisionService decisions;

    DmnGuardDutySeverityPolicy(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public Suggestion suggest(double findingSeverity, RiskTier tier) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("findingSeverity", findingSeverity);
        inputs.put("riskTier", tier == null ? null : tier.name());
        Map<String, Object> rule = decisions.evaluateDecisionTableByKey("GuardDutySeverity", inputs).getFirstResult();
        if (rule == null) {
            throw new IllegalStateException("GuardDutySeverity has no rule for severity " + findingSeverity);
        }
        return new Suggestion(Severity.valueOf((String) rule.get("severity")), (String) rule.get("band"));
    }
}
