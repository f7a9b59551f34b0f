package org.modelgov.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.modelgov.support.ProcessTests.runAsyncSteps;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.modelgov.support.StubbedProcessTest;
import org.modelgov.support.ProcessTests;

/** Every path of model-validation.bpmn: three parallel reviews, aggregation, and each overdue review chased. */
@Deployment(resources = {"model-validation.bpmn", "review-technical-validation.form", "review-ethics.form",
        "confirm-business-fitness.form"})
class ModelValidationProcessTest extends StubbedProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessTests.engineWithFullCoverage();


    @Override
    protected org.camunda.bpm.engine.ProcessEngine engine() {
        return engine.getProcessEngine();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey("ModelValidationProcess", "CREDIT-SCORE-002:1",
                Map.of("versionId", "CREDIT-SCORE-002:1", "riskTier", "HIGH", "taskDeadline", "P3D"));
    }

    @Test
    void checksRunThenThreeReviewersDecideInParallelAndTheFindingsAreAggregated() {
        ProcessInstance instance = start();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_StartValidationRound");
        runAsyncSteps();

        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_ReviewTechnicalValidation", "Task_ReviewEthics",
                "Task_ConfirmBusinessFitness");
        BpmnAwareTests.assertThat(task("Task_ReviewTechnicalValidation")).hasCandidateGroup("validators");
        BpmnAwareTests.assertThat(task("Task_ReviewEthics")).hasCandidateGroup("ethics-reviewers");
        BpmnAwareTests.assertThat(task("Task_ConfirmBusinessFitness")).hasCandidateGroup("business-owners");
        assertThat(task("Task_ReviewTechnicalValidation").getDueDate()).isNotNull();
        BpmnAwareTests.assertThat(instance).variables().containsEntry("validationRunId", "run-1")
                .containsKey("technicalSummary").containsKey("fairnessSummary");

        complete(task("Task_ReviewTechnicalValidation"), Map.of("technicalDecision", "APPROVED"));
        complete(task("Task_ReviewEthics"), Map.of("ethicsDecision", "APPROVED"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_ConfirmBusinessFitness");
        complete(task("Task_ConfirmBusinessFitness"), Map.of("businessDecision", "APPROVED"));
        runAsyncSteps();

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Task_ConcludeValidation",
                "EndEvent_ValidationConcluded");
        assertThat(stubs.calls("concludeValidation")).isEqualTo(1);
        assertThat(stubs.taskEvents).contains("complete:Task_ReviewTechnicalValidation", "complete:Task_ReviewEthics",
                "complete:Task_ConfirmBusinessFitness");
    }

    @Test
    void aTeamPipelineIsStartedAndPolledUntilItEndsBeforeTheTechnicalReview() {
        stubs.teamPipelineArn = "arn:aws:states:eu-west-1:123456789012:stateMachine:credit-validation";
        stubs.pipelinePollsRunning = 1;
        ProcessInstance instance = start();
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).hasPassed("Task_StartTeamPipeline").isWaitingAt("Timer_PipelinePoll",
                "Task_ReviewEthics", "Task_ConfirmBusinessFitness");
        execute(managementService().createJobQuery().activityId("Timer_PipelinePoll").singleResult());
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).as("still running: waits again").isWaitingAt("Timer_PipelinePoll");
        execute(managementService().createJobQuery().activityId("Timer_PipelinePoll").singleResult());
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_ReviewTechnicalValidation");
        assertThat(stubs.calls("checkTeamPipeline")).isEqualTo(2);
        assertThat(stubs.calls("startTeamPipeline")).isEqualTo(1);
    }

    @Test
    void aFailedRoundEndsTheSameWayWithValidationPassedFalse() {
        stubs.validationOutcomes.add(false);
        ProcessInstance instance = start();
        runAsyncSteps();
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_ReviewEthics");
        complete(task("Task_ReviewTechnicalValidation"), Map.of("technicalDecision", "APPROVED"));
        complete(task("Task_ReviewEthics"), Map.of("ethicsDecision", "REJECTED", "ethicsNotes", "DI 0.61"));
        complete(task("Task_ConfirmBusinessFitness"), Map.of("businessDecision", "APPROVED"));
        runAsyncSteps();

        BpmnAwareTests.assertThat(instance).isEnded();
        assertThat(engine.getProcessEngine().getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("validationPassed").singleResult().getValue())
                .isEqualTo(false);
    }

    @Test
    void eachOverdueReviewIsChasedAtItsDeadlineAndAgainUntilDone() {
        ProcessInstance instance = start();
        runAsyncSteps();
        for (String reviewTask : List.of("Task_ReviewTechnicalValidation", "Task_ReviewEthics",
                "Task_ConfirmBusinessFitness")) {
            fireOverdueTimerOf(instance, reviewTask);
        }
        runAsyncSteps();
        assertThat(stubs.calls("chaseOverdueWork")).isEqualTo(3);
        BpmnAwareTests.assertThat(instance).hasPassed("Timer_TechnicalReviewOverdue", "Timer_EthicsReviewOverdue",
                "Timer_BusinessReviewOverdue", "EndEvent_OverdueChased");

        // the timer repeats while the task stays open: nothing is silently dropped
        fireOverdueTimerOf(instance, "Task_ReviewEthics");
        runAsyncSteps();
        assertThat(stubs.calls("chaseOverdueWork")).isEqualTo(4);
        BpmnAwareTests.assertThat(instance).isWaitingAt("Task_ReviewTechnicalValidation", "Task_ReviewEthics",
                "Task_ConfirmBusinessFitness");

        // once the task is done its timer is gone
        complete(task("Task_ReviewEthics"), Map.of("ethicsDecision", "APPROVED"));
        assertThat(timersOf(instance, "Task_ReviewEthics")).isEmpty();
    }

    private void fireOverdueTimerOf(ProcessInstance instance, String taskKey) {
        List<Job> timers = timersOf(instance, taskKey);
        assertThat(timers).hasSize(1);
        execute(timers.get(0));
    }

    private static List<Job> timersOf(ProcessInstance instance, String taskKey) {
        String boundary = switch (taskKey) {
            case "Task_ReviewTechnicalValidation" -> "Timer_TechnicalReviewOverdue";
            case "Task_ReviewEthics" -> "Timer_EthicsReviewOverdue";
            default -> "Timer_BusinessReviewOverdue";
        };
        return managementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(boundary).list();
    }
}
