package org.modelgov.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.modelgov.incident.IncidentEngine;
import org.modelgov.support.Api;
import org.modelgov.support.LifecycleDriver;
import org.modelgov.support.ModelGovIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An exercise's fault experiment in local mode, on the real engine: started once (a retried start answers the same
 * simulated experiment), polled on its timer while it runs, recorded when it completes, and shown on the exercise's
 * timeline beside the response's steps.
 */
@ModelGovIntegrationTest
class ExerciseFaultIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ExerciseService exercises;
    @Autowired
    ExerciseRepository repository;
    @Autowired
    ExerciseEngine exerciseEngine;
    @Autowired
    FaultExperiments faults;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSimulatedFaultIsStartedOncePolledWhileRunningAndRecordedWhenItEnds() {
        String model = "EXF-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(Api.as(port, "owner", "demo").post("/api/models", "{\"id\": \"" + model + "\", \"name\": \"Churn\","
                + " \"purpose\": \"Predicts churn\"}").status()).isEqualTo(201);
        // a team's scenario naming a FIS template (the shipped library names none)
        String id = "EX-TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        repository.insert(new Exercise(id, model, null, "outage", "Serving endpoint down", null, "Retention", "API",
                "responder", Instant.now().truncatedTo(ChronoUnit.MICROS), "EXTlocal1", null, null, null, null, null,
                null));
        exerciseEngine.startFaultExperiment(id);
        LifecycleDriver driver = new LifecycleDriver(engine);
        driver.runJobs();

        Exercise started = exercises.get(id);
        assertThat(started.faultExperimentId()).startsWith("SIM-");
        assertThat(faults.start("EXTlocal1", id)).as("a retried start: the same experiment")
                .isEqualTo(started.faultExperimentId());
        assertThat(exercises.startFaultExperiment(id)).isEqualTo(started.faultExperimentId());

        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("ExerciseFaultProcess").processInstanceBusinessKey(id).singleResult();
        driver.fireTimer(instance.getId(), "Timer_PollInterval");
        driver.runJobs();
        Exercise running = exercises.get(id);
        assertThat(running.faultState()).isEqualTo(FaultExperiments.Status.RUNNING);
        assertThat(running.faultEndedAt()).isNull();
        assertThat(running.faultReason()).contains("nothing is injected");

        // the simulated run time has passed
        jdbc.sql("UPDATE modelgov.simulated_fault_experiment SET started_at = ? WHERE exercise_id = ?")
                .params(Instant.now().minus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC), id).update();
        driver.fireTimer(instance.getId(), "Timer_PollInterval");
        driver.runJobs();
        Exercise ended = exercises.get(id);
        assertThat(ended.faultState()).isEqualTo(FaultExperiments.Status.COMPLETED);
        assertThat(ended.faultEndedAt()).isNotNull();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getEndTime()).as("the process ended").isNotNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM modelgov.audit_event WHERE action IN ('EXERCISE_FAULT_STARTED',"
                + " 'EXERCISE_FAULT_ENDED') AND entity_id = ?").param(model + ":" + id).query(Long.class).single())
                .isEqualTo(2);

        List<IncidentEngine.Step> steps = exercises.faultTimeline(id);
        assertThat(steps).extracting(IncidentEngine.Step::activityId).containsSubsequence("Task_StartFaultExperiment",
                "Timer_PollInterval", "Task_CheckFaultExperiment", "Timer_PollInterval", "Task_CheckFaultExperiment",
                "EndEvent_FaultEnded");
    }
}
