package org.modelgov.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.DecisionService;
import org.modelgov.inventory.RiskTier;
import org.modelgov.validation.FindingLevel;
import org.modelgov.validation.PersonalDataPolicy;
import org.modelgov.validation.Threshold;
import org.modelgov.validation.ValidationPolicy;
import org.springframework.stereotype.Component;

/**
 * The validation policy ports on the deployed DMN tables: ValidationThresholds, SecurityPosture, GovernancePolicy,
 * PersonalDataPolicy.
 */
@Component
class DmnValidationPolicy implements ValidationPolicy, PersonalDataPolicy {

    private final DecisionService decisions;

    DmnValidationPolicy(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public List<Threshold> thresholds(RiskTier tier, String metric) {
        return decisions.evaluateDecisionTableByKey("ValidationThresholds",
                        Map.of("riskTier", tier.name(), "metric", metric))
                .getResultList().stream()
                .map(rule -> new Threshold(((Number) rule.get("bound")).doubleValue(),
                        Threshold.Comparison.valueOf((String) rule.get("comparison")),
                        FindingLevel.valueOf((String) rule.get("level"))))
                .toList();
    }

    @Override
    public Optional<FindingLevel> securityControl(RiskTier tier, String control) {
        Map<String, Object> rule = decisions.evaluateDecisionTableByKey("SecurityPosture",
                Map.of("riskTier", tier.name(), "control", control)).getFirstResult();
        return rule == null ? Optional.empty() : Optional.of(FindingLevel.valueOf((String) rule.get("level")));
    }

    @Override
    public GovernancePolicy governance(RiskTier tier) {
        Map<String, Object> rule = decisions.evaluateDecisionTableByKey("GovernancePolicy",
                Map.of("riskTier", tier.name())).getSingleResult();
        if (rule == null) {
            throw new IllegalStateException("GovernancePolicy has no rule for tier " + tier);
        }
        return new GovernancePolicy(((Number) rule.get("requiredApprovals")).intValue(),
                (String) rule.get("taskDeadline"), ((Number) rule.get("maxFailedValidationRounds")).intValue(),
                Boolean.TRUE.equals(rule.get("explainabilityRequired")));
    }

    @Override
    public Verdict judge(String declared, String found) {
        Map<String, Object> rule = decisions.evaluateDecisionTableByKey("PersonalDataPolicy",
                Map.of("declared", declared, "found", found)).getSingleResult();
        if (rule == null) {
            throw new IllegalStateException("PersonalDataPolicy has no rule for declared " + declared + ", found "
                    + found);
        }
        return new Verdict(FindingLevel.valueOf((String) rule.get("level")), (String) rule.get("reason"));
    }
}
