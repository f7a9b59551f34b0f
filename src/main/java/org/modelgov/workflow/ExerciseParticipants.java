package org.modelgov.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.modelgov.incident.Incident;
import org.modelgov.incident.IncidentService;
import org.modelgov.inventory.InventoryService;
import org.springframework.stereotype.Component;

/**
 * In an exercise, the model's owner rehearses with the incident responders: each response task (triage,
 * investigation, remediation, review) also has the owner as a candidate. Whether it is an exercise, and who owns the
 * model, come from ModelGov's records (the incident is the business key), never from a variable.
 */
@Component("exerciseParticipants")
class ExerciseParticipants implements TaskListener {

    private final IncidentService incidents;
    private final InventoryService inventory;

    ExerciseParticipants(IncidentService incidents, InventoryService inventory) {
        this.incidents = incidents;
        this.inventory = inventory;
    }

    @Override
    public void notify(DelegateTask task) {
        Incident incident = incidents.get(task.getExecution().getProcessBusinessKey());
        if (incident.exercise()) {
            task.addCandidateUser(inventory.get(incident.modelId()).owner());
        }
    }
}
