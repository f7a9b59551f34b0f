package org.modelgov.validation;

import java.util.List;
import java.util.Optional;
import org.modelgov.inventory.RiskTier;

/** Port: the policy tables (DMN) validation is checked against. */
public interface ValidationPolicy {

    /** The bounds for a metric ({@code DI}, {@code DPPL}, {@code PERFORMANCE_DROP}, {@code PSI}) at a tier. */
    List<Threshold> thresholds(RiskTier tier, String metric);

    /** How a missing security control counts at a tier; empty when the tier does not require it. */
    Optional<FindingLevel> securityControl(RiskTier tier, String control);

    GovernancePolicy governance(RiskTier tier);

    /**
     * Per-tier rules of the lifecycle (the {@code GovernancePolicy} decision).
     *
     * @param taskDeadline ISO-8601 duration a review task may stay open before it is chased
     */
    record GovernancePolicy(int requiredApprovals, String taskDeadline, int maxFailedValidationRounds,
                            boolean explainabilityRequired) {
    }
}
