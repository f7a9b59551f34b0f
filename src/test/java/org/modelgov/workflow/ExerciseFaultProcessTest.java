package org.modelgov.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.modelgov.support.ProcessTests.runAsyncSteps;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.modelgov.support.ProcessTests;
import org.modelgov.support.StubbedProcessTest;

/**
 * Every path of exercise-fault.bpmn: the experiment is started (its own asynchronous step), then polled on the
 * timer until it has ended, with as many polls as it keeps running. Whether an ended experiment completed or failed
 * is recorded by the step (ExerciseServiceIntegrationTest); the process only routes on "ended".
 */
@Deployment(resources = "exercise-fault.bpmn")
class ExerciseFaultProcessTest extends StubbedProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTests.engineWithFullCoverage();

    private ProcessInstance instance;

    @Override
    protected ProcessEngine engine() {
        return engine.getProcessEngine();
    }

    private void start() {
        instance = runtimeService().startProcessInstanceByKey("ExerciseFaultProcess", "EX-1",
                Map.of("faultPollInterval", "PT1M"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_StartFaultExperiment");
        assertThat(stubs.calls("startFaultExperiment")).as("nothing external in the starter's transaction").isZero();
        runAsyncSteps();
        assertThat(stubs.calls("startFaultExperiment")).isEqualTo(1);
        BpmnAwareTests.assertThat(instance).isWaitingAt("Timer_PollInterval");
    }

    private void poll() {
        List<Job> timers = managementService().createJobQuery().timers().processInstanceId(instance.getId()).list();
        assertThat(timers).as("the poll timer").hasSize(1);
        execute(timers.get(0));
        runAsyncSteps();
    }

    @Test
    void anExperimentThatHasEndedAtTheFirstCheckEndsTheProcess() {
        start();
        poll();
        assertThat(stubs.calls("checkFaultExperiment")).isEqualTo(1);
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_FaultEnded");
    }

    @Test
    void aRunningExperimentIsPolledAgainUntilItHasEnded() {
        stubs.faultChecksRunning = 2;
        start();
        poll();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Timer_PollInterval");
        poll();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Timer_PollInterval");
        poll();
        assertThat(stubs.calls("checkFaultExperiment")).isEqualTo(3);
        assertThat(stubs.calls("startFaultExperiment")).as("started once").isEqualTo(1);
        BpmnAwareTests.assertThat(instance).isEnded();
    }
}
