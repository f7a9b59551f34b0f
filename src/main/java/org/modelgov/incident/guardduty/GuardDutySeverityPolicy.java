package org.modelgov.incident.guardduty;

import org.modelgov.incident.Severity;
import org.modelgov.inventory.RiskTier;

/** Port: the severity suggested for a GuardDuty finding on a model (the GuardDutySeverity decision). */
public interface GuardDutySeverityPolicy {

    /** @param band GuardDuty's own name for the severity range (Critical, High, Medium, Low) */
    record Suggestion(Severity severity, String band) {
    }

    /** @param tier the model's risk tier; null when the finding is about no model */
    Suggestion suggest(double findingSeverity, RiskTier tier);
}
