package org.modelgov.workflow;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.modelgov.exercise.ExerciseEngine;
import org.modelgov.incident.IncidentEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** ExerciseFaultProcess on Camunda; how often the experiment is polled routes the process (a timer). */
@Component
class CamundaExerciseEngine implements ExerciseEngine {

    private static final List<String> SHOWN = List.of("serviceTask", "intermediateTimer", "startEvent",
            "noneEndEvent");

    private final RuntimeService runtime;
    private final HistoryService history;
    private final String pollInterval;

    CamundaExerciseEngine(RuntimeService runtime, HistoryService history,
                          @Value("${modelgov.exercises.fault-poll-interval:PT1M}") java.time.Duration pollInterval) {
        this.runtime = runtime;
        this.history = history;
        this.pollInterval = pollInterval.toString();
    }

    @Override
    public void startFaultExperiment(String exerciseId) {
        runtime.startProcessInstanceByKey(FAULT_PROCESS_KEY, exerciseId, Map.of("faultPollInterval", pollInterval));
    }

    @Override
    public List<IncidentEngine.Step> faultTimeline(String exerciseId) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(FAULT_PROCESS_KEY)
                .processInstanceBusinessKey(exerciseId).list().stream()
                .flatMap(instance -> history.createHistoricActivityInstanceQuery()
                        .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc()
                        .orderPartiallyByOccurrence().asc().list().stream())
                .filter(a -> SHOWN.contains(a.getActivityType()))
                .map(CamundaExerciseEngine::step)
                .toList();
    }

    private static IncidentEngine.Step step(HistoricActivityInstance a) {
        return new IncidentEngine.Step(a.getActivityId(), a.getActivityName(), a.getActivityType(), a.getAssignee(),
                a.getStartTime().toInstant(), a.getEndTime() == null ? null : a.getEndTime().toInstant(),
                a.getDurationInMillis());
    }
}
