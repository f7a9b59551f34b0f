package org.modelgov.workflow;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.modelgov.abtest.ChallengerPolicy;
import org.modelgov.abtest.ComparisonPolicy;
import org.modelgov.inventory.RiskTier;
import org.springframework.stereotype.Component;

/** The A/B policy port on the deployed DMN table ChallengerPolicy ({@code processes/challenger-policy.dmn}). */
@Component
class DmnChallengerPolicy implements ChallengerPolicy {

    private final DecisionService decisions;

    DmnChallengerPolicy(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public ComparisonPolicy policy(RiskTier tier, boolean hasChampion) {
        Map<String, Object> rule = decisions.evaluateDecisionTableByKey("ChallengerPolicy",
                Map.of("riskTier", tier.name(), "hasChampion", hasChampion)).getFirstResult();
        if (rule == null) {
            throw new IllegalStateException("ChallengerPolicy has no rule for tier " + tier);
        }
        return of(rule);
    }

    /** One rule's outputs as the policy record (also used by the DMN's tests). */
    static ComparisonPolicy of(Map<String, Object> rule) {
        String metrics = (String) rule.get("metrics");
        List<String> names = metrics == null || metrics.isBlank() ? List.of()
                : Arrays.stream(metrics.split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList();
        return new ComparisonPolicy(Boolean.TRUE.equals(rule.get("required")),
                ((Number) rule.get("challengerShare")).doubleValue(),
                Duration.parse((String) rule.get("observationWindow")), names,
                ((Number) rule.get("maxRelativeDrop")).doubleValue(), ((Number) rule.get("significance")).doubleValue(),
                ((Number) rule.get("minInvocations")).longValue(), (String) rule.get("reason"));
    }
}
