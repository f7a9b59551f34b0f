package org.modelgov.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.modelgov.common.ConflictException;
import org.modelgov.lifecycle.LifecycleEngine;
import org.modelgov.lifecycle.LifecycleEvent;
import org.modelgov.lifecycle.LifecycleState;
import org.springframework.stereotype.Component;

/** The lifecycle port on Camunda: one ModelLifecycleProcess instance per version, business key = version id. */
@Component
class CamundaLifecycleEngine implements LifecycleEngine {

    private final RuntimeService runtime;
    private final HistoryService history;
    private final ManagementService management;

    CamundaLifecycleEngine(RuntimeService runtime, HistoryService history, ManagementService management) {
        this.runtime = runtime;
        this.history = history;
        this.management = management;
    }

    @Override
    public Optional<LifecycleState> state(String versionId) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(versionId).orderByProcessInstanceStartTime().desc().list().stream()
                .findFirst().map(this::state);
    }

    @Override
    public LifecycleState start(String versionId, Map<String, Object> variables) {
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, versionId, variables);
        List<String> waitingAt = new ArrayList<>();
        if (!instance.isEnded()) {
            // just started and not ended: it exists, no need to ask (one query less on every registration)
            collectActiveActivities(instance.getId(), waitingAt);
        }
        return new LifecycleState(instance.getId(), instance.isEnded(), waitingAt);
    }

    @Override
    public void deliver(String versionId, LifecycleEvent event, Map<String, Object> variables) {
        try {
            runtime.createMessageCorrelation(event.messageName()).processInstanceBusinessKey(versionId)
                    .setVariables(variables).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            String waiting = state(versionId).map(s -> s.ended() ? "it has ended"
                    : "it waits at " + String.join(", ", s.waitingAt())).orElse("it does not exist");
            throw new ConflictException("The lifecycle of " + versionId + " is not waiting for " + event.messageName()
                    + " now: " + waiting + (event == LifecycleEvent.DRIFT_REPORTED
                    ? ". Drift starts a reassessment only while the version is in production between reviews" : ""));
        }
    }

    @Override
    public void pauseTimers(String versionId, boolean paused) {
        state(versionId).filter(s -> !s.ended()).ifPresent(s -> {
            var update = management.updateJobSuspensionState().byProcessInstanceId(s.processInstanceId());
            if (paused) {
                update.suspend();
            } else {
                update.activate();
            }
        });
    }

    private LifecycleState state(HistoricProcessInstance instance) {
        return state(instance.getId(), instance.getEndTime() != null);
    }

    private LifecycleState state(String processInstanceId, boolean ended) {
        List<String> waitingAt = new ArrayList<>();
        if (!ended) {
            collectActivities(processInstanceId, waitingAt);
        }
        return new LifecycleState(processInstanceId, ended, waitingAt);
    }

    /** Active activities of the instance and of the processes it called (validation, reassessment). */
    private void collectActivities(String processInstanceId, List<String> into) {
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            return;
        }
        collectActiveActivities(processInstanceId, into);
    }

    private void collectActiveActivities(String processInstanceId, List<String> into) {
        into.addAll(runtime.getActiveActivityIds(processInstanceId));
        for (ProcessInstance called : runtime.createProcessInstanceQuery().superProcessInstanceId(processInstanceId)
                .list()) {
            collectActivities(called.getId(), into);
        }
    }
}
