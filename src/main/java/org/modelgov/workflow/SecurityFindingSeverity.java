package org.modelgov.workflow;

import org.modelgov.incident.Severity;
import org.modelgov.incident.guardduty.GuardDutyIntake;
import org.springframework.stereotype.Component;

/**
 * The triage suggestion of incident-response.bpmn (Task_SuggestSeverity): for an incident a GuardDuty finding
 * opened, the severity GuardDutySeverity suggested when the finding came in, as recorded with the finding; for
 * any other incident what IncidentSeverity decided. Read by the incident id (the business key, which no variable
 * can change), so no process variable can choose it.
 */
@Component("securityFindingSeverity")
public class SecurityFindingSeverity {

    private final GuardDutyIntake guardDuty;

    SecurityFindingSeverity(GuardDutyIntake guardDuty) {
        this.guardDuty = guardDuty;
    }

    public String suggest(String incidentId, Object decided) {
        return guardDuty.suggestedSeverity(incidentId).map(Severity::name).orElse(String.valueOf(decided));
    }
}
