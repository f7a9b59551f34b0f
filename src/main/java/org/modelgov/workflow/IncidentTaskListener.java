package org.modelgov.workflow;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.modelgov.common.InvalidInputException;
import org.modelgov.incident.Incident;
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
        // the incident is the process's business key, which no task or variable can change
        String id = task.getExecution().getProcessBusinessKey();
        String actor = TaskActor.of(identity, task);
        try {
            switch (task.getTaskDefinitionKey()) {
                case "Task_Triage" -> {
                    Incident triaged = incidents.triage(id, task.getVariableLocal("severity"),
                            task.getVariableLocal("serious"), task.getVariableLocal("seriousKind"), actor);
                    // the process routes on the recorded triage, never on what a form sent
                    Map<String, Object> routing = new HashMap<>();
                    routing.put("severity", triaged.severity().name());
                    routing.put("serious", Boolean.TRUE.equals(triaged.serious()));
                    routing.put("seriousKind", triaged.seriousKind() == null ? null : triaged.seriousKind().name());
                    task.getExecution().setVariables(routing);
                }
                case "Task_Investigate" -> {
                    incidents.investigate(id, text(task, "rootCause"), text(task, "affectedPopulation"), actor);
                    showLater(task);
                }
                case "Task_Remediate" -> {
                    incidents.remediate(id, task.getVariableLocal("remediation"), text(task, "remediationNotes"),
                            actor);
                    showLater(task);
                }
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

    /** What was just recorded is shown on the later steps' forms (root cause, remediation). */
    private static void showLater(DelegateTask task) {
        task.getExecution().setVariables(task.getVariablesLocal());
    }

    private static String text(DelegateTask task, String name) {
        return task.getVariableLocal(name) instanceof String s ? s : null;
    }
}
