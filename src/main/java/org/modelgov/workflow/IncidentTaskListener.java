package org.modelgov.workflow;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.modelgov.common.InvalidInputException;
import org.modelgov.incident.IncidentService;
import org.springframework.stereotype.Component;

/**
 * Records what a person decided in an incident task (triage, investigation, remediation, the report, the
 * review) in the incident, in the task's transaction; incomplete answers refuse the completion.
 */
@Component("incidentTaskListener")
class IncidentTaskListener implements TaskListener {

    private final IncidentService incidents;
    private final IdentityService identity;

    IncidentTaskListener(IncidentService incidents, IdentityService identity) {
        this.incidents = incidents;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        String id = (String) task.getVariable("incidentId");
        String actor = TaskActor.of(identity, task);
        if (actor == null) {
            actor = "unknown";
        }
        try {
            switch (task.getTaskDefinitionKey()) {
                case "Task_Triage" -> incidents.triage(id, task.getVariable("severity"), task.getVariable("serious"),
                        task.getVariable("seriousKind"), actor);
                case "Task_Investigate" -> incidents.investigate(id, text(task, "rootCause"),
                        text(task, "affectedPopulation"), actor);
                case "Task_Remediate" -> incidents.remediate(id, task.getVariable("remediation"),
                        text(task, "remediationNotes"), actor);
                case "Task_FileRegulatoryReport" -> incidents.fileReport(id, text(task, "reportReference"), actor);
                case "Task_PostIncidentReview" -> incidents.recordReview(id, text(task, "lessonsLearned"), actor);
                default -> {
                    // not an incident decision
                }
            }
        } catch (InvalidInputException e) {
            throw new GovernanceRuleViolation(e.violations().stream().map(v -> v.field() + " " + v.message())
                    .collect(Collectors.joining("; ")));
        }
    }

    private static String text(DelegateTask task, String name) {
        return task.getVariable(name) instanceof String s ? s : null;
    }
}
