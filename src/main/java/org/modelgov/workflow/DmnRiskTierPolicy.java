package org.modelgov.workflow;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.modelgov.inventory.RiskTier;
import org.modelgov.risk.RiskQuestionnaire;
import org.modelgov.risk.RiskTierPolicy;
import org.springframework.stereotype.Component;

/** The RiskTier decision as deployed. */
@Component
class DmnRiskTierPolicy implements RiskTierPolicy {

    private final DecisionService decisions;

    DmnRiskTierPolicy(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public Suggestion suggest(RiskQuestionnaire answers) {
        Map<String, Object> rule = decisions.evaluateDecisionTableByKey("RiskTier", new HashMap<>(answers.asMap()))
                .getFirstResult();
        if (rule == null) {
            throw new IllegalStateException("RiskTier has no rule for " + answers);
        }
        return new Suggestion(RiskTier.valueOf((String) rule.get("riskTier")), (String) rule.get("riskTierReason"));
    }
}
