package org.modelgov.workflow;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.modelgov.common.InvalidInputException;
import org.modelgov.incident.Incident;
import org.modelgov.incident.IncidentService;
import org.modelgov.incident.ReportIncident;
import org.springframework.stereotype.Component;

/**
 * First step of every incident response. Started by ModelGov (API, alarm), the incident exists. Started
 * from the Tasklist start form, the form opens it as the logged-in user and its id becomes the business key.
 */
@Component("incidentStartListener")
class IncidentStartListener implements ExecutionListener {

    private final IncidentService incidents;
    private final IdentityService identity;

    IncidentStartListener(IncidentService incidents, IdentityService identity) {
        this.incidents = incidents;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getVariable("incidentId") != null) {
            return;
        }
        Authentication user = identity.getCurrentAuthentication();
        if (user == null || user.getUserId() == null) {
            throw new GovernanceRuleViolation("Report incidents from Tasklist or with POST /api/incidents");
        }
        try {
            Incident incident = incidents.open(new ReportIncident(text(execution, "modelId"),
                    text(execution, "incidentType"), text(execution, "description"), null,
                    Boolean.TRUE.equals(execution.getVariable("exercise")), "TASKLIST", List.of()), user.getUserId());
            execution.setProcessBusinessKey(incident.id());
            execution.setVariables(incidents.startVariables(incident));
        } catch (InvalidInputException e) {
            throw new GovernanceRuleViolation("The incident was not reported: " + e.violations().stream()
                    .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")));
        }
    }

    private static String text(DelegateExecution execution, String name) {
        return execution.getVariable(name) instanceof String s && !s.isBlank() ? s.strip() : null;
    }
}
