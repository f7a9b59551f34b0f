package org.modelgov.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.modelgov.support.ProcessTests.runAsyncSteps;

import java.time.Duration;
import java.util.Date;
import java.util.List;
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
 * Every path of challenger-test.bpmn with stand-ins for the stage's steps: skipped by the policy, promoted after the
 * rollout polling timer and the observation window timer, failed, inconclusive, a rollout that never serves, and a
 * stop during the window and during the rollout polling.
 */
@Deployment(resources = "challenger-test.bpmn")
class ChallengerTestProcessTest extends StubbedProcessTest {

    static final String VERSION = "CREDIT-SCORE-002:2";

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTests.engineWithFullCoverage();

    private ProcessInstance instance;

    @Override
    protected org.camunda.bpm.engine.ProcessEngine engine() {
        return engine.getProcessEngine();
    }

    @Test
    void aVersionThePolicyDoesNotTestIsSkippedWithoutTouchingTheEndpoint() {
        start();
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_TestSkipped");
        assertThat(outcome()).isEqualTo("SKIPPED");
        assertThat(stubs.calls("deployChallenger")).isZero();
    }

    @Test
    void aChallengerThatServesAfterPollingAndPassesIsPromotedWhenTheWindowEnds() {
        stubs.challengerDecisions.add("RUN");
        stubs.challengerRollouts.addAll(List.of("IN_PROGRESS", "SERVING"));
        start();
        BpmnAwareTests.assertThat(instance).hasPassed("Task_DeployChallenger").isWaitingAt("Timer_RolloutPoll");
        Job poll = timer("Timer_RolloutPoll");
        assertThat(poll.getDuedate()).isCloseTo(new Date(), Duration.ofMinutes(2).toMillis());
        execute(poll);
        runAsyncSteps();
        assertThat(stubs.calls("checkChallengerRollout")).isEqualTo(2);

        BpmnAwareTests.assertThat(instance).hasPassed("Task_StartChallengerObservation")
                .isWaitingAt("Timer_ObservationWindow");
        // the window's end is the one the step read from the policy and recorded, visible in Cockpit as the timer
        assertThat(timer("Timer_ObservationWindow").getDuedate())
                .isEqualTo(runtimeService().getVariable(instance.getId(), "observationEndsAt"));
        assertThat(stubs.calls("compareChallenger")).isZero();
        execute(timer("Timer_ObservationWindow"));
        runAsyncSteps();

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Task_CompareChallenger", "Task_PromoteChallenger",
                "EndEvent_Promoted").hasNotPassed("Task_WithdrawChallenger");
        assertThat(outcome()).isEqualTo("PASSED");
    }

    @Test
    void aFailedOrInconclusiveComparisonWithdrawsTheChallengersTraffic() {
        for (String verdict : List.of("FAILED", "INCONCLUSIVE")) {
            stubs.challengerDecisions.add("RUN");
            stubs.challengerComparisons.add(verdict);
            start();
            execute(timer("Timer_ObservationWindow"));
            runAsyncSteps();
            BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Task_WithdrawChallenger", "EndEvent_SentBack")
                    .hasNotPassed("Task_PromoteChallenger");
            assertThat(outcome()).isEqualTo(verdict);
        }
        assertThat(stubs.calls("withdrawChallenger")).isEqualTo(2);
    }

    @Test
    void aChallengerThatNeverServesFailsWithoutMovingTraffic() {
        stubs.challengerDecisions.add("RUN");
        stubs.challengerRollouts.add("FAILED");
        start();
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Task_RecordRolloutFailure", "EndEvent_RolloutFailed")
                .hasNotPassed("Task_StartChallengerObservation");
        assertThat(outcome()).isEqualTo("FAILED");
    }

    @Test
    void aStopDuringTheWindowWithdrawsTheChallengerAndRecordsWhoStoppedIt() {
        stubs.challengerDecisions.add("RUN");
        start();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Timer_ObservationWindow");
        stop();
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Task_WithdrawStoppedChallenger",
                "Task_RecordChallengerStop", "EndEvent_Stopped").hasNotPassed("Task_CompareChallenger");
        assertThat(outcome()).isEqualTo("STOPPED");
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aStopWhileTheRolloutIsPolledEndsThePolling() {
        stubs.challengerDecisions.add("RUN");
        stubs.challengerRollouts.add("IN_PROGRESS");
        start();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Timer_RolloutPoll");
        stop();
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Stopped");
        assertThat(stubs.calls("recordChallengerStop")).isEqualTo(1);
    }

    private void start() {
        instance = runtimeService().startProcessInstanceByKey("ChallengerTestProcess", VERSION);
        runAsyncSteps();
    }

    private void stop() {
        runtimeService().createMessageCorrelation("StopChallengerTest").processInstanceBusinessKey(VERSION)
                .correlate();
        runAsyncSteps();
    }

    private String outcome() {
        return (String) engine.getProcessEngine().getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("challengerOutcome").singleResult().getValue();
    }

    private Job timer(String activity) {
        List<Job> timers = managementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(activity).list();
        assertThat(timers).as(activity).hasSize(1);
        return timers.get(0);
    }
}
