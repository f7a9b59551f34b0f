package org.modelgov.workflow;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.modelgov.incident.IncidentEngine;
import org.springframework.stereotype.Component;

/** IncidentResponseProcess on Camunda; the timeline is read from the engine's history. */
@Component
class CamundaIncidentEngine implements IncidentEngine {

    private static final List<String> SHOWN = List.of("userTask", "serviceTask", "businessRuleTask", "boundaryTimer",
            "startEvent", "noneEndEvent");

    private final RuntimeService runtime;
    private final HistoryService history;

    CamundaIncidentEngine(RuntimeService runtime, HistoryService history) {
        this.runtime = runtime;
        this.history = history;
    }

    @Override
    public String start(String incidentId, Map<String, Object> variables) {
        return runtime.startProcessInstanceByKey(PROCESS_KEY, incidentId, variables).getId();
    }

    @Override
    public List<Step> timeline(String incidentId) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(incidentId).list().stream()
                .flatMap(instance -> history.createHistoricActivityInstanceQuery()
                        .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc()
                        .orderPartiallyByOccurrence().asc().list().stream())
                .filter(a -> SHOWN.contains(a.getActivityType()))
                .map(CamundaIncidentEngine::step)
                .toList();
    }

    private static Step step(HistoricActivityInstance a) {
        return new Step(a.getActivityId(), a.getActivityName(), a.getActivityType(), a.getAssignee(),
                a.getStartTime().toInstant(), a.getEndTime() == null ? null : a.getEndTime().toInstant(),
                a.getDurationInMillis());
    }
}
