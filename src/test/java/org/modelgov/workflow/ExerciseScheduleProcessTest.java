package org.modelgov.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.modelgov.support.ProcessTests.runAsyncSteps;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.modelgov.support.ProcessTests;
import org.modelgov.support.StubbedProcessTest;

/**
 * exercise-schedule.bpmn: its timer start is deployed with the configured cycle (a job Cockpit shows), and each
 * firing runs the step that starts the due exercises once, asynchronously, then ends; the timer stays for the next.
 * Which models get an exercise is ExerciseService's, tested on the real engine in ExerciseScheduleIntegrationTest.
 */
@Deployment(resources = "exercise-schedule.bpmn")
class ExerciseScheduleProcessTest extends StubbedProcessTest {

    /** The timer's cycle is read when the process is deployed, before the test's own set-up runs. */
    @RegisterExtension
    @Order(0)
    static BeforeEachCallback scheduleSettings = context -> Mocks.register("exerciseSchedule",
            new ExerciseScheduleSettings("0 0 6 * * ?"));

    @RegisterExtension
    @Order(1)
    static ProcessEngineCoverageExtension engine = ProcessTests.engineWithFullCoverage();

    @Override
    protected ProcessEngine engine() {
        return engine.getProcessEngine();
    }

    private static Job scheduleTimer() {
        List<Job> timers = managementService().createJobQuery().timers().activityId("StartEvent_ExercisesDue").list();
        assertThat(timers).as("one timer start job").hasSize(1);
        return timers.get(0);
    }

    @Test
    void eachFiringStartsTheDueExercisesOnceAndTheTimerStays() {
        Job timer = scheduleTimer();
        assertThat(timer.getDuedate()).as("due at the next 06:00").isNotNull();
        assertThat(timer.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault()).getHour()).isEqualTo(6);

        execute(timer);
        assertThat(stubs.calls("startDueExercises")).as("the step is asynchronous: its own job").isZero();
        runAsyncSteps();
        assertThat(stubs.calls("startDueExercises")).isEqualTo(1);

        execute(scheduleTimer());
        runAsyncSteps();
        assertThat(stubs.calls("startDueExercises")).isEqualTo(2);

        List<HistoricProcessInstance> runs = historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("ExerciseScheduleProcess").finished().list();
        assertThat(runs).hasSize(2);
        assertThat(historyService().createHistoricActivityInstanceQuery().activityId("EndEvent_ExercisesStarted")
                .count()).isEqualTo(2);
        assertThat(scheduleTimer().getId()).as("the next firing is scheduled").isNotEqualTo(timer.getId());
    }
}
